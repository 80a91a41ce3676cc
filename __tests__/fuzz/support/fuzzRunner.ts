// Seeded property runs. The seed is fixed so that CI is repeatable; FUZZ_SEED explores others, and
// FUZZ_SEED plus FUZZ_PATH (both printed on failure) replay exactly the failing run.
import fc from 'fast-check'

const DEFAULT_SEED = 20_251_125

export const fuzzSeed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : DEFAULT_SEED
const fuzzPath = process.env.FUZZ_PATH || undefined

/** Whether this run replays one failing path: then far fewer messages are checked, on purpose. */
export const replayingOnePath = fuzzPath !== undefined

/** Messages posted to the listener and checked, over the whole file. */
export const fuzzed = { messages: 0 }

/** Runs `property` `numRuns` times from the seed; a failure says how to replay it. */
export async function checkFuzz<Ts>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  numRuns: number,
): Promise<void> {
  const details = await fc.check(property, { seed: fuzzSeed, numRuns, path: fuzzPath })
  if (!details.failed) return
  const replay =
    `FUZZ_SEED=${details.seed} FUZZ_PATH=${details.counterexamplePath ?? ''} ` +
    `npx vitest run __tests__/fuzz -t '${name}'`
  throw new Error(
    `${fc.defaultReportMessage(details) ?? 'property failed'}\n\nReplay it: ${replay}`,
  )
}
