// Plain-text output: Markdown tables (they paste into docs/performance.md as they are) and numbers,
// each figure with its spread: `median (min–max)`.
import type { Reading, Spread, Unit } from './figures.js'

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((r) => (r[i] ?? '').length)),
  )
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (cell ?? '').padEnd(widths[i]!)).join(' | ')} |`
  const rule = `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/** 12,345 */
export const int = (value: number) => (Math.round(value) || 0).toLocaleString('en-US')

/** A ratio: `1,605`, `23.4`, `1.39`. */
export const times = (ratio: number) =>
  ratio >= 100 ? int(ratio) : ratio.toFixed(ratio >= 10 ? 1 : 2)

/** 3 significant digits, without an exponent: `0.126`, `23.4`, `1,860`. */
const sig3 = (x: number) => (x >= 1000 ? int(x) : x.toPrecision(3))

/** How to write the numbers of one figure: the median picks the scale, min and max follow it. */
function scale(unit: Unit, median: number): { write: (x: number) => string; suffix: string } {
  const abs = Math.abs(median)
  if (unit === 'µs' && abs >= 1000) return { write: (x) => sig3(x / 1000), suffix: ' ms' }
  if (unit === 'µs') return { write: (x) => (abs < 0.1 ? x.toFixed(3) : sig3(x)), suffix: ' µs' }
  if (unit === 'ms') return { write: (x) => x.toFixed(3), suffix: ' ms' }
  if (unit === 'B') return { write: int, suffix: ' B' }
  return { write: times, suffix: 'x' }
}

const sign = (x: number, signed: boolean) => (x < 0 ? '−' : signed ? '+' : '')

/** One value in its unit; `signed` puts + or − in front. */
export function value(x: number, unit: Unit, signed = false): string {
  const { write, suffix } = scale(unit, x)
  return `${sign(x, signed)}${write(Math.abs(x))}${suffix}`
}

/** `0.126 µs (0.120–0.140)`: the median with the smallest and largest round, in one scale. */
export function withSpread(spread: Spread, unit: Unit, signed = false): string {
  const { write, suffix } = scale(unit, spread.median)
  const one = (x: number) => `${sign(x, signed)}${write(Math.abs(x))}`
  const mid = `${one(spread.median)}${suffix}`
  return spread.n < 2 ? mid : `${mid} (${one(spread.min)}–${one(spread.max)})`
}

/** A row's ratio as it reads: `390x faster (350–420)`, `+0.045 ms (…)`, `1.20x (…)`. */
export function ratioText(ratio: Spread, reads: Reading, unit: Unit): string {
  if (reads === 'plus') return withSpread(ratio, unit, true)
  const text = withSpread(ratio, 'x')
  if (reads === 'times') return text
  return text.replace(/x( |$)/, `x ${reads}$1`)
}
