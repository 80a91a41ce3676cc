/** How a host callback's work ended: with its value, or with what it threw, rejected or was aborted by. */
export type RunOutcome<T> =
  { done: true; value: T } | { done: false; error: unknown; threw?: boolean }

/**
 * Runs `work` (a host callback, which may return a promise) until it settles or `signal` aborts,
 * whichever comes first. Work that settles after the abort changes nothing: the bridge gave up on
 * it, and said so. A synchronous throw is told apart (`threw`): it is a bug, not an outcome.
 */
export function runUntil<T>(
  signal: AbortSignal,
  work: () => T | PromiseLike<T>,
): Promise<RunOutcome<T>> {
  return new Promise<RunOutcome<T>>((resolve) => {
    const onAbort = () => resolve({ done: false, error: signal.reason })
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    const end = (outcome: RunOutcome<T>) => {
      signal.removeEventListener('abort', onAbort)
      resolve(outcome)
    }
    try {
      Promise.resolve(work()).then(
        (value) => end({ done: true, value }),
        (error: unknown) => end({ done: false, error }),
      )
    } catch (error) {
      end({ done: false, error, threw: true })
    }
  })
}
