// Plain-text output: Markdown tables (they paste into docs/performance.md as they are) and numbers.

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

/** A duration given in µs, with 3 significant digits, in µs or ms. */
export function micros(value: number): string {
  if (!Number.isFinite(value)) return '?'
  if (value >= 1000) return `${(value / 1000).toPrecision(3)} ms`
  return `${value < 0.1 ? value.toFixed(3) : value.toPrecision(3)} µs`
}

/** How many times faster or slower `ours` is than `theirs` (both durations). */
export function speed(ours: number, theirs: number): string {
  const ratio = theirs / ours
  if (ratio >= 1) return `${ratio >= 100 ? int(ratio) : ratio.toFixed(ratio >= 10 ? 0 : 1)}x faster`
  const slower = ours / theirs
  return `${slower >= 100 ? int(slower) : slower.toFixed(slower >= 10 ? 0 : 1)}x slower`
}
