// Two saved runs side by side (`npm run bench -- --compare A.json B.json`): every ratio of A and B,
// and whether they agree within ±20% (the larger over the smaller at most 1.2). Absolute figures
// (times, bytes, differences) are listed too, not judged: they move with the machine's load.
import type { Spread, Unit } from './lib/figures.js'
import { table, withSpread } from './lib/table.js'
import { loadText, type Results } from './report.js'

const AGREE = 1.2

interface Figure {
  spread: Spread
  unit: Unit
  /** A ratio of two figures taken in the same rounds: what two runs must agree on. */
  ratio: boolean
}

function figures({ parts }: Results): Map<string, Figure> {
  const found = new Map<string, Figure>()
  for (const part of Object.values(parts)) {
    for (const row of part.rows) {
      if (row.ratio && row.reads) {
        const ratio = row.reads !== 'plus'
        found.set(row.id, { spread: row.ratio, unit: ratio ? 'x' : row.unit, ratio })
      } else {
        found.set(row.id, { spread: row.ours, unit: row.unit, ratio: false })
      }
    }
    for (const target of part.targets) {
      const ratio = target.unit === 'x'
      found.set(`target ${target.id}`, { spread: target.figure, unit: target.unit, ratio })
    }
  }
  return found
}

/** The comparison as text, and the ids of the ratios that do not agree. */
export function compareRuns(a: Results, b: Results): { text: string; outside: string[] } {
  const [first, second] = [figures(a), figures(b)]
  const rows: string[][] = []
  const outside: string[] = []
  let ratios = 0
  for (const [id, one] of first) {
    const two = second.get(id)
    if (!two) continue
    const change = two.spread.median / one.spread.median
    const off = Math.max(change, 1 / change) > AGREE
    if (one.ratio) {
      ratios++
      if (off) outside.push(id)
    }
    const judged = one.ratio ? (off ? 'OUTSIDE ±20%' : 'agree') : 'not judged'
    rows.push([
      id,
      withSpread(one.spread, one.unit),
      withSpread(two.spread, two.unit),
      `${change.toFixed(2)}x`,
      judged,
    ])
  }
  const text = [
    `A: ${a.machine.date}, ${loadText(a.machine.load)}`,
    `B: ${b.machine.date}, ${loadText(b.machine.load)}`,
    '',
    table(['figure', 'run A', 'run B', 'B / A', 'ratio'], rows),
    '',
    `${ratios} ratios; ${outside.length} outside ±20%${outside.length ? `: ${outside.join(', ')}` : ''}`,
  ].join('\n')
  return { text, outside }
}
