/** What UCP has seen of a tab's frame since its last `load` event. */
interface Turns {
  loaded?: boolean
  /** A request came since the last load. */
  spoke?: boolean
  /** The last load was a page that had said hello before it. */
  kept?: boolean
  /** A hello came that its page's own load is still to follow. */
  early?: boolean
}

/**
 * When a tab's frame shows a new page, which is owed nothing its earlier page was. A new page shows
 * in two ways: its frame's `load` event, and its hello (a page's first word). Browsers deliver a
 * page's hello, and the requests after it, before or after its frame's load event (Firefox often
 * before, Chromium and WebKit after, for a page that loads quickly), and the load must not drop
 * what the new page is owed. A hello is taken to come before its load when the frame has not loaded
 * yet, when the page before it made requests after its own load, or when that load was kept for an
 * earlier hello; a hello that is the first word after a load is that load's page's.
 */
export function createPageTurns(forgetPage: (tabId: string) => void) {
  const frames = new Map<string, Turns>()
  const of = (tabId: string) => {
    let turns = frames.get(tabId)
    if (!turns) frames.set(tabId, (turns = {}))
    return turns
  }

  return {
    /** The tab's page made a request. */
    spoke(tabId: string): void {
      of(tabId).spoke = true
    },
    /** The tab's page asked for its hello: whatever was owed before it was its earlier page's. */
    greeted(tabId: string): void {
      const turns = of(tabId)
      turns.early = !turns.loaded || turns.spoke || turns.kept
      forgetPage(tabId)
    },
    /** The tab's frame loaded a page: a new one, unless that page said hello first. */
    loaded(tabId: string): void {
      const turns = of(tabId)
      if (!turns.early) forgetPage(tabId)
      frames.set(tabId, { loaded: true, kept: turns.early })
    },
    /** The tab's frame shows it no more (unregistered, or the tab closed). */
    gone(tabId: string): void {
      frames.delete(tabId)
      forgetPage(tabId)
    },
    clear: () => frames.clear(),
  }
}
