/** Options of {@link createCrmClient}. */
export interface CrmClientOptions {
  /**
   * UCP's origin, such as `'https://ucp.example.com'`. When set, it is the targetOrigin of every
   * message (never `'*'`), and only messages from that origin are heard. Strongly advised.
   */
  parentOrigin?: string
  /** How long a request waits for its answer, in ms. Default 10,000. */
  timeout?: number
  /** How long `ready` waits for UCP's hello, in ms. Default 10,000. */
  readyTimeout?: number
  /** The page's window; default the global `window`. For tests. */
  window?: Window
}

/** What `ready` resolves to: the page's tab, as UCP's hello told it. */
export interface CrmClientHello {
  tabId: string
  /** The protocol version UCP speaks. */
  version: number
}

/**
 * The CRM page's side of the protocol.
 *
 * @example
 * const crm = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
 * const { tabId } = await crm.ready
 * await crm.makeCall('+1 (555) 123-4567') // resolves once UCP placed the call
 * await crm.closeTab()                    // closes this page's own tab
 */
export interface CrmClient {
  /** Resolves on UCP's hello; rejects with a `CrmClientError` (`timeout`) if none comes in time. */
  readonly ready: Promise<CrmClientHello>
  /** The page's tab id, once UCP said hello. */
  readonly tabId: string | undefined
  /** Closes this page's tab, or the tab `id`. Resolves once UCP closed it. */
  closeTab(id?: string, options?: { timeout?: number }): Promise<void>
  /**
   * Dials `destination`, as the page shows it. Resolves once UCP placed the call. An extension may
   * be part of the string (`'555-1234 ext. 89'`, `x89`, `;ext=89`): UCP splits it off and dials it
   * once the call is answered. A number UCP cannot dial exactly as shown (letters, as in
   * `1-800-FLOWERS`, or hidden control characters) rejects with `invalid-destination`.
   */
  makeCall(destination: string, options?: { timeout?: number }): Promise<void>
  /** Stops listening and rejects what is still pending with `destroyed`. */
  destroy(): void
}
