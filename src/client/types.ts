import type {
  CrmBuiltInType,
  CrmCallEndReason,
  CrmCallLiveStatus,
  CrmProtocol,
} from '../protocol/types.js'

/**
 * Options of {@link createCrmClient}.
 *
 * @example
 * createCrmClient({ parentOrigin: 'https://ucp.example.com' })
 * createCrmClient({ parentOrigin: ['https://ucp.example.com', 'https://ucp.staging.example.com'] })
 */
export interface CrmClientOptions {
  /**
   * UCP's origin, such as `'https://ucp.example.com'`, or a short list of them (staging and
   * production). Required. Each must be an exact origin: scheme, host and port only, as
   * `new URL(origin).origin` writes it. The client hears only its parent window at one of these
   * origins, and posts a request only to the origin its parent is at. `'*'` is refused: pass
   * {@link UNSAFE_ANY_PARENT_ORIGIN} to trust whatever page frames yours.
   */
  parentOrigin: string | readonly string[]
  /**
   * How long a request waits for its answer, in ms: 1 to 2,147,483,647. Default 35,000: longer
   * than UCP's default dial deadline (30 s), so that a page never gives up on a call UCP is still
   * placing.
   */
  timeout?: number
  /**
   * How long `ready` waits for UCP's hello, in ms. Default 10,000. The client keeps asking after
   * it, and a later hello still makes requests work.
   */

  readyTimeout?: number
  /** The page's window; default the global `window` (none on a server: every call is `no-parent`). */
  window?: Window
}

/** What `ready` resolves to: the page's tab, as UCP's hello told it. */
export interface CrmClientHello {
  tabId: string
  /** The protocol version UCP speaks. */
  version: number
  /**
   * The tab's calls that had not ended when UCP said hello, such as the call a page reloaded
   * during: their status from the hello, then as UCP tells it. Empty from an older UCP.
   */
  calls: CrmCallHandle[]
  /**
   * The message types this page's origin may send, as UCP's hello listed them; absent from an
   * older UCP, which lets the page try any. A request of a type not listed is refused at once.
   */
  types?: string[]
}

/** What every request takes beside its payload. */
export interface CrmRequestOptions {
  /** How long it waits for its answer (and for the hello before it), in ms. Default: `timeout`. */
  timeout?: number
}

/**
 * A custom request's arguments after its type: its payload, which may be left out where the
 * protocol's payload allows `undefined`, then its options.
 */
export type CrmRequestArgs<Payload> = undefined extends Payload
  ? [payload?: Payload, options?: CrmRequestOptions]
  : [payload: Payload, options?: CrmRequestOptions]

/** `T`, unless it is a name the package owns: those are `never`, so `request()` refuses them. */
export type CrmCustomType<T extends string> = T extends CrmBuiltInType ? never : T

/** Where a call stands, as the page hears of it. */
export type CrmCallStatus = CrmCallLiveStatus | 'ended'

/** How a call ended, as its `ended` tells. */
export interface CrmCallEnd {
  /** Talk time, from connected to ended, in ms; 0 if it never connected. */
  durationMs: number
  reason: CrmCallEndReason
}

/**
 * A call UCP placed for the page, or that its hello listed, kept up to date by UCP's
 * `UCP_CALL_STATUS` messages.
 *
 * @example
 * const call = await crm.makeCall('+1 (555) 123-4567')
 * const stop = call.onStatus((status) => showBadge(status)) // 'ringing', 'connected', 'ended'
 * const { durationMs, reason } = await call.ended           // once, when the call ended
 */
export interface CrmCallHandle {
  /**
   * The page's own id of the call (its `MAKE_CALL`'s requestId); for a call its hello listed that
   * was asked for without one, UCP's id of the call.
   */
  readonly requestId: string
  /** Where the call stands now: `placed` once `makeCall` resolved, then as UCP tells. */
  readonly status: CrmCallStatus
  /**
   * Calls `listener` with each new status, `ended` last, in the order UCP told them; returns a
   * function that stops it. A listener that throws is reported as any uncaught error, and the
   * listeners after it miss that one status; the handle itself is up to date first.
   */
  onStatus(listener: (status: CrmCallStatus) => void): () => void
  /**
   * Resolves once, when UCP says the call ended. Never rejects. It stays pending while UCP does
   * not tell: after `destroy()`, or when UCP's bridge goes (see docs/protocol.md).
   */
  readonly ended: Promise<CrmCallEnd>
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
export interface CrmClient<P extends CrmProtocol<P> = CrmProtocol> {
  /**
   * Resolves on UCP's hello; rejects with a `CrmClientError`: `timeout` if none comes within
   * `readyTimeout`, `no-parent` if the page has no parent that may be UCP. A `timeout` ends
   * nothing: the client keeps asking, and a later hello sets `tabId` and makes requests work.
   */
  readonly ready: Promise<CrmClientHello>
  /** The page's tab id, once UCP said hello (even after `ready` timed out). */
  readonly tabId: string | undefined
  /**
   * Closes this page's tab, or the tab `id`. Resolves once UCP closed it; for the page's own tab,
   * when the page is taken down (its `pagehide`), as UCP's answer cannot reach a removed frame.
   */
  closeTab(id?: string, options?: CrmRequestOptions): Promise<void>
  /**
   * Dials `destination`, as the page shows it. Resolves once UCP placed the call. An extension may
   * be part of the string (`'555-1234 ext. 89'`, `x89`, `;ext=89`): UCP splits it off and dials it
   * once the call is answered. A number UCP cannot dial exactly as shown (letters, as in
   * `1-800-FLOWERS`, or hidden control characters) rejects with `invalid-destination`. Resolves to
   * the call's handle, at `placed`, which follows the call until it ends.
   */
  makeCall(destination: string, options?: CrmRequestOptions): Promise<CrmCallHandle>
  /**
   * Sends a custom message type of UCP's (`OPEN_RECORD`, say) and resolves to the `result` of
   * UCP's answer (`undefined` when it has none), or rejects with its reason code. Rejects at once,
   * posting nothing, with `not-granted` when the hello listed the types the page may send and
   * `type` is not among them. With `createCrmClient<P>()`, `type`, `payload` and the result are
   * checked against the protocol map `P`; the package's own names (`CLOSE_CRM_TAB`, `MAKE_CALL`,
   * `CRM_HELLO`, `UCP_…`) are a type error: use `closeTab` and `makeCall`.
   */
  request<T extends keyof P & string>(
    type: T & CrmCustomType<T>,
    ...args: CrmRequestArgs<P[T]['payload']>
  ): Promise<P[T]['result']>
  /**
   * Stops listening and asking; rejects what is pending, and every later call, with `destroyed`.
   * Call handles stay as they were: their `status` keeps its last value, their `ended` stays
   * pending, and their listeners are called no more.
   */
  destroy(): void
}
