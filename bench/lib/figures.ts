// What every part of the bench hands to the report: rows of the table and targets, each figure the
// median of its rounds with the smallest and largest round beside it. A part that returns these
// shows up in the table, the targets, the summary and `--compare` without any other change.
import { median } from './stats.js'

/** A figure over rounds: the median, and the smallest and largest round. */
export interface Spread {
  median: number
  min: number
  max: number
  /** How many rounds. */
  n: number
}

export function spreadOf(values: readonly number[]): Spread {
  if (values.length === 0) throw new Error('a figure with no rounds')
  // A zero time (a batch shorter than the timer's step) or a division by it: a broken measure.
  if (!values.every((x) => Number.isFinite(x))) throw new Error(`a figure of ${values.join(', ')}`)
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    n: values.length,
  }
}

/** Per round `a[r] / b[r]`: a ratio of two figures timed in the same round. */
export function ratioOf(a: readonly number[], b: readonly number[]): Spread {
  if (a.length !== b.length) throw new Error(`${a.length} rounds against ${b.length}`)
  return spreadOf(a.map((value, r) => value / b[r]!))
}

/** Per round `a[r] - b[r]`: a difference of two figures taken in the same round. */
export function differenceOf(a: readonly number[], b: readonly number[]): Spread {
  if (a.length !== b.length) throw new Error(`${a.length} rounds against ${b.length}`)
  return spreadOf(a.map((value, r) => value - b[r]!))
}

export type Unit = 'µs' | 'ms' | 'B' | 'x'

/**
 * How a row's ratio reads: `faster` and `slower` are theirs over ours and ours over theirs,
 * `times` is ours over theirs, `plus` is ours minus theirs (in the row's unit).
 */
export type Reading = 'faster' | 'slower' | 'times' | 'plus'

/** One line of the table: our figure, what it is compared with, and how the two compare. */
export interface Row {
  /** Stable across runs, so that `--compare` can pair rows: `sender.jsdom.100.registry`. */
  id: string
  measure: string
  unit: Unit
  ours: Spread
  against?: string
  theirs?: Spread
  ratio?: Spread
  reads?: Reading
}

/** A target on one figure: met only when the worse end of its spread meets the limit. */
export interface Target {
  id: string
  text: string
  unit: Unit
  figure: Spread
  better: 'lower' | 'higher'
  limit: number
}

export type Verdict = 'met' | 'missed' | 'unsettled'

/** Met when the worse end meets the limit, missed when even the better end misses, else unsettled. */
export function verdict({ figure, better, limit }: Target): Verdict {
  const meets = (value: number) => (better === 'lower' ? value <= limit : value >= limit)
  const [worse, best] = better === 'lower' ? [figure.max, figure.min] : [figure.min, figure.max]
  if (meets(worse)) return 'met'
  return meets(best) ? 'unsettled' : 'missed'
}

/** What one part of the bench measured. `checks` are lines that say whether to trust it. */
export interface PartResult {
  rows: Row[]
  targets: Target[]
  checks: string[]
}
