// The spec's way, re-implemented as ../shared/spec/ucp-crm-iframe-communication.txt describes it,
// to measure the package against. A hand-written UCP listener: it requires a `type`; MAKE_CALL strips
// every non-digit and dials; CLOSE_CRM_TAB without an id "queries all iframes within
// #iframe-parent, compares each iframe's contentWindow with the message source, finds the matching
// tab by URL and closes it".

/** A tab as UCP's own hand-written state would hold it. */
export interface SpecTab {
  id: string
  url: string
  title: string
}

/**
 * Steps 4 to 6 of the spec's CLOSE_CRM_TAB: the tab whose iframe's window sent the message. (The
 * bench's Chromium page holds several UCP tab strips at once, each under its own id: `selector`.)
 */
export function specFindTab(
  document: Document,
  source: unknown,
  tabs: readonly SpecTab[],
  selector = '#iframe-parent iframe',
): SpecTab | undefined {
  const iframes = document.querySelectorAll<HTMLIFrameElement>(selector)
  for (const iframe of iframes) {
    if (iframe.contentWindow === source) return tabs.find((tab) => tab.url === iframe.src)
  }
  return undefined
}

export interface SpecActions {
  dial(destination: string): void
  closeTab(id: string): void
}

/** The spec's whole `message` listener, as a UCP developer would write it from the spec. */
export function createSpecListener(
  document: Document,
  tabs: () => readonly SpecTab[],
  actions: SpecActions,
): (event: MessageEvent) => void {
  return (event) => {
    const data = event.data
    if (!data || typeof data.type !== 'string') return // "requires type field"
    if (data.type === 'CLOSE_CRM_TAB') {
      const id = data.payload?.id ?? specFindTab(document, event.source, tabs())?.id
      if (id) actions.closeTab(id)
    } else if (data.type === 'MAKE_CALL') {
      const destination = String(data.payload?.destination ?? '').replace(/\D/g, '')
      if (destination) actions.dial(destination)
    }
  }
}
