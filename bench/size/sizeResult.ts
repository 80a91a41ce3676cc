// The sizes as rows and targets: the core against each alternative, and each entry against its
// budget. One build, so one "round": sizes do not vary from run to run.
import type { PartResult, Row, Spread, Target } from '../lib/figures.js'
import type { SizeResult } from './sizes.js'

const once = (value: number): Spread => ({ median: value, min: value, max: value, n: 1 })

export function sizeResult(sizes: SizeResult[], compared: SizeResult[]): PartResult {
  const core = sizes[0]
  const rows: Row[] = core
    ? compared.map((peer) => ({
        id: `size.core.${peer.name.split(' ')[0]}`,
        measure: 'Size, core entry (min+gzip, production)',
        unit: 'B',
        ours: once(core.size),
        against: peer.name,
        theirs: once(peer.size),
        ratio: once(core.size / peer.size),
        reads: 'times',
      }))
    : []
  const targets: Target[] = sizes
    .filter((entry) => entry.sizeLimit !== undefined)
    .map((entry) => ({
      id: `size.${entry.name}`,
      text: `${entry.name}, min+gzip, within its budget in .size-limit.js`,
      unit: 'B',
      figure: once(entry.size),
      better: 'lower',
      limit: entry.sizeLimit!,
    }))
  return { rows, targets, checks: [] }
}
