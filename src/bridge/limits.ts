// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** A minute, the period of every rate limit. */
const MINUTE_MS = 60_000

/** Why the tab is over a limit, or `undefined` if it is not. */
export type Limited = { reason: 'duplicate' | 'rate-limited'; detail?: string } | undefined

/**
 * A tab's limits: double dials, and floods of each message type. What it remembers is bounded by
 * the limits themselves and forgotten with the tab; reloading the page is no way around them.
 */
export function createLimits(duplicateCallWindow: number) {
  const byTab = new Map<string, { last: Map<string, number>; times: Map<string, number[]> }>()

  const tabOf = (tabId: string) => {
    let tab = byTab.get(tabId)
    if (!tab) byTab.set(tabId, (tab = { last: new Map(), times: new Map() }))
    return tab
  }

  /** Whether one more message of `type` from the tab fits `perMinute`; counts it if so. */
  function count(tabId: string, type: string, perMinute: number, now: number): Limited {
    // Without a cap there is nothing to count. The times are in order, so the expired are first.
    if (perMinute === Infinity) return undefined
    const counted = tabOf(tabId).times
    let times = counted.get(type)
    if (!times) counted.set(type, (times = []))
    while (times.length > 0 && now - times[0]! >= MINUTE_MS) times.shift()
    if (times.length >= perMinute) {
      const detail =
        process.env.NODE_ENV !== 'production'
          ? `over ${perMinute} ${type} a minute from this tab`
          : undefined
      return { reason: 'rate-limited', detail }
    }
    times.push(now)
    return undefined
  }

  return {
    count,
    /**
     * Whether a dial of `destination` from the tab may go ahead: the same destination again within
     * the window of its last request is a duplicate (a double click, a repeated event), and more
     * than `perMinute` dials in a minute are rate-limited. Records it if it may.
     */
    dial(tabId: string, destination: string, perMinute: number, now: number): Limited {
      const { last } = tabOf(tabId)
      for (const [known, at] of last) if (now - at >= duplicateCallWindow) last.delete(known)
      if (last.has(destination)) {
        // Each repeat restarts the window, so a flood stays one dial however long it lasts.
        last.set(destination, now)
        const detail =
          process.env.NODE_ENV !== 'production'
            ? `the same number again within ${duplicateCallWindow} ms`
            : undefined
        return { reason: 'duplicate', detail }
      }
      const limited = count(tabId, 'MAKE_CALL', perMinute, now)
      if (!limited && duplicateCallWindow > 0) last.set(destination, now)
      return limited
    },
    forgetTab(tabId: string): void {
      byTab.delete(tabId)
    },
    clear(): void {
      byTab.clear()
    },
  }
}

export type Limits = ReturnType<typeof createLimits>
