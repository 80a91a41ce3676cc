// Small statistics and timing helpers shared by the bench's parts.

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** The p-th percentile by linear interpolation between the closest ranks. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p / 100) * (sorted.length - 1)
  const low = Math.floor(rank)
  const high = Math.min(low + 1, sorted.length - 1)
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low)
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b)
}

/**
 * The indexes 0..n-1 in an order where any run of consecutive ones is spread evenly over the whole
 * range (a golden-ratio stride), so that a short batch still meets senders from the whole list.
 */
export function spreadOrder(n: number): number[] {
  let stride = Math.max(1, Math.round(n * 0.618))
  while (gcd(stride, n) !== 1) stride++
  return Array.from({ length: n }, (_, i) => (i * stride) % n)
}

/** A method under test: `run(count)` handles `count` messages and returns a checksum. */
export interface Method {
  name: string
  run: (count: number) => number
}

let sink = 0
/** Keeps checksums alive, so that the JIT cannot drop the work that made them. */
export function consume(value: number): void {
  sink = (sink + value) | 0
}
export const sinkValue = () => sink

function timeBatch(method: Method, count: number): number {
  const start = performance.now()
  consume(method.run(count))
  const elapsed = performance.now() - start
  if (elapsed <= 0) throw new Error(`${method.name}: a batch shorter than the timer's step`)
  return (elapsed * 1000) / count
}

/** How long `count` calls take, in ms: the fastest of 3 tries, so that one hiccup is not taken for the cost. */
function fastest(method: Method, count: number): number {
  let best = Infinity
  for (let i = 0; i < 3; i++) {
    const start = performance.now()
    consume(method.run(count))
    best = Math.min(best, performance.now() - start)
  }
  return best
}

/** The count of calls whose batch lasts about `batchMs` (at least one call). */
function calibrate(method: Method, batchMs: number): number {
  for (let count = 1; ; count *= 2) {
    const elapsed = fastest(method, count)
    if (elapsed >= batchMs / 4 || count >= 1 << 24) {
      return Math.max(1, Math.round((count * batchMs) / Math.max(elapsed, 1e-3)))
    }
  }
}

export interface Comparison {
  /** Each method's µs per call in every round, by method name: round r is index r everywhere. */
  samples: Record<string, number[]>
  rounds: number
}

export interface CompareOptions {
  rounds?: number
  /** Batches per method in each round; the round's figure is the fastest. */
  passes?: number
  batchMs?: number
  /** Rounds run first and thrown away (the JIT, the caches). */
  warmups?: number
}

/**
 * Times the methods side by side: each is calibrated to batches of about `batchMs`, warmed up,
 * then run `passes` times in each of `rounds` rounds, the order of the methods rotated every pass,
 * so that a slow spell of the machine hits every method alike. A round's figure is the fastest of
 * its passes: another process, a GC or an interrupt only ever adds time to a batch, so the fastest
 * is the one least disturbed, and the rounds' spread is what is left.
 */
export function compare(methods: Method[], options: CompareOptions = {}): Comparison {
  const { rounds = 5, passes = 5, batchMs = 15, warmups = 2 } = options
  const counts = methods.map((method) => calibrate(method, batchMs))
  const samples: Record<string, number[]> = {}
  for (const method of methods) samples[method.name] = []
  let turn = 0
  for (let round = -warmups; round < rounds; round++) {
    const passTimes = methods.map(() => [] as number[])
    for (let pass = 0; pass < passes; pass++, turn++) {
      for (let k = 0; k < methods.length; k++) {
        const i = (k + turn) % methods.length
        passTimes[i]!.push(timeBatch(methods[i]!, counts[i]!))
      }
    }
    if (round < 0) continue
    methods.forEach((method, i) => samples[method.name]!.push(Math.min(...passTimes[i]!)))
  }
  return { samples, rounds }
}

/** Lets pending promise callbacks and timers run. */
export const drain = () => new Promise((resolve) => setImmediate(resolve))
