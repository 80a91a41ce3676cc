// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** A minute, the period of `maxCallsPerMinute`. */
const MINUTE_MS = 60_000

/**
 * Stops double dials and floods, per tab: the same destination again within `windowMs` of its
 * last request is a duplicate (a double click, a repeated event); more than `perMinute` dials in a minute is
 * rate-limited. What it remembers is bounded by `perMinute` and forgotten with the tab.
 */
export function createCallGuard(windowMs: number, perMinute: number) {
  const byTab = new Map<string, { last: Map<string, number>; times: number[] }>()

  return {
    /** Whether a dial of `destination` from `tabId` at `now` may go ahead; records it if so. */
    check(
      tabId: string,
      destination: string,
      now: number,
    ): { reason: 'duplicate' | 'rate-limited'; detail?: string } | undefined {
      let tab = byTab.get(tabId)
      if (!tab) byTab.set(tabId, (tab = { last: new Map(), times: [] }))
      for (const [known, at] of tab.last) if (now - at >= windowMs) tab.last.delete(known)
      if (tab.last.has(destination)) {
        // Each repeat restarts the window, so a flood stays one dial however long it lasts.
        tab.last.set(destination, now)
        const detail =
          process.env.NODE_ENV !== 'production'
            ? `the same number again within ${windowMs} ms`
            : undefined
        return { reason: 'duplicate', detail }
      }
      // Without a cap there is nothing to count. The times are in order, so the expired are first.
      if (perMinute !== Infinity) {
        const times = tab.times
        while (times.length > 0 && now - times[0]! >= MINUTE_MS) times.shift()
        if (times.length >= perMinute) {
          return {
            reason: 'rate-limited',
            detail:
              process.env.NODE_ENV !== 'production'
                ? `over ${perMinute} calls a minute from this tab`
                : undefined,
          }
        }
        times.push(now)
      }
      if (windowMs > 0) tab.last.set(destination, now)
      return undefined
    },
    forgetTab(tabId: string): void {
      byTab.delete(tabId)
    },
    clear(): void {
      byTab.clear()
    },
  }
}

export type CallGuard = ReturnType<typeof createCallGuard>
