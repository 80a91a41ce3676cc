/** How many of a tab's recent request ids are remembered to spot a duplicate. */
const REMEMBERED_IDS_PER_TAB = 128

/**
 * The request ids each tab has used lately, so that a `requestId` sent twice is acted on once. Bounded
 * per tab, and forgotten with the tab or when its page reloads.
 */
export function createRequestIds() {
  const seenByTab = new Map<string, Set<string>>()
  return {
    /** Records `clientRequestId` for the tab; `true` if the tab sent it before. */
    isRepeat(tabId: string, clientRequestId: string): boolean {
      let seen = seenByTab.get(tabId)
      if (!seen) seenByTab.set(tabId, (seen = new Set()))
      if (seen.has(clientRequestId)) return true
      seen.add(clientRequestId)
      if (seen.size > REMEMBERED_IDS_PER_TAB) seen.delete(seen.values().next().value as string)
      return false
    },
    forgetTab(tabId: string): void {
      seenByTab.delete(tabId)
    },
    clear(): void {
      seenByTab.clear()
    },
  }
}

export type RequestIds = ReturnType<typeof createRequestIds>
