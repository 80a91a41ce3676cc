import type { Middleware, ThunkAction, UnknownAction } from '@reduxjs/toolkit'
import type { CrmFrameRegistry } from './bridge/createFrameRegistry.js'
import type { CrmDestinationNormalizer } from './bridge/normalizeDestination.js'
import type { CrmAllowedOrigins, CrmGrants } from './bridge/originPolicy.js'
import type { CrmMessageActionCreator } from './bridge/requestActions.js'
import type { CrmTabsRootState } from './crmTabs/selectors.js'
import type { CrmStore } from './crmReducers.js'
import type { CrmBridgeStats } from './listeners/stats.js'
import type {
  CrmCanClose,
  CrmMessageDefinition,
  CrmOutcomeListener,
  CrmRejection,
  CrmTelephony,
} from './listeners/types.js'
import type { CrmLogger } from './listeners/warnings.js'
import type { CrmErrorHandler } from './onError.js'
import type { CrmBuiltInType, CrmMessageSpec, CrmProtocol } from './protocol/types.js'

/** What a protocol says of type `K`: its payload and its result. */
type SpecOf<P, K extends keyof P> = P[K] extends CrmMessageSpec ? P[K] : CrmMessageSpec

/**
 * The definitions of a protocol's custom message types, one per name. A built-in name
 * (`CLOSE_CRM_TAB`, `MAKE_CALL`, `CRM_HELLO`, `UCP_…`) cannot be one.
 */
export type CrmMessageDefinitions<P extends CrmProtocol<P> = CrmProtocol> = {
  [K in keyof P]: K extends CrmBuiltInType
    ? never
    : CrmMessageDefinition<SpecOf<P, K>['payload'], SpecOf<P, K>['result']>
}

/** The action creator of each custom message type, for UCP's listeners to `match`. */
export type CrmMessageActions<P extends CrmProtocol<P> = CrmProtocol> = {
  readonly [K in keyof P]: CrmMessageActionCreator<SpecOf<P, K>['payload'], K & string>
}

/**
 * Options of {@link createCrmBridge}.
 *
 * @example
 * createCrmBridge({
 *   telephony: { dial: (destination, { signal }) => softphone.dial(destination, { signal }) },
 *   allowedOrigins: ['https://static.crm.example.com'],
 *   canClose: ({ target, allowedByDefault, getState }) =>
 *     allowedByDefault && !selectActiveCrmCallOfTab(getState(), target.id),
 *   onRejected: ({ reason }) => metrics.increment(`crm.rejected.${reason}`),
 *   onError: (error, { raisedBy }) => Sentry.captureException(error, { tags: { raisedBy } }),
 * })
 */
export interface CrmBridgeOptions<P extends CrmProtocol<P> = CrmProtocol> {
  /** The softphone that `MAKE_CALL` dials through. Required. */
  telephony: CrmTelephony
  /**
   * How long `telephony.dial` may take, in ms, before the bridge gives up on it: the dial's
   * `signal` is aborted, the call is `failed` with the error code `dial-timeout`, and the page is
   * answered `dial-failed`. Default 30,000; `Infinity` for no deadline.
   */
  dialTimeout?: number
  /** Origins allowed besides each tab's own: exact origins, or a predicate. */
  allowedOrigins?: CrmAllowedOrigins
  /**
   * UCP's own message types beside `CLOSE_CRM_TAB` and `MAKE_CALL`, by name: each passes the same
   * gate as the built-ins, becomes a plain-data action (`crm/${type}/requested`), and is answered
   * with its handler's result.
   */
  messages?: CrmMessageDefinitions<P>
  /**
   * Which message types each origin may send (`CRM_HELLO` aside): exact origins to lists of types,
   * or a predicate. A type not granted is refused as `not-granted` before anything is done, and the
   * hello tells each page the types its origin may send. Without it, every type is open to the
   * origins allowed for a tab.
   */
  grants?: CrmGrants
  /** Widens, narrows or vetoes a close; may answer with a promise. A throw or rejection vetoes. */
  canClose?: CrmCanClose
  /** Told of every rejected message and refused or failed request, with a reason code; never with the data. */
  onRejected?: (rejection: CrmRejection) => void
  /**
   * Turns the raw destination into the dialed one, and may split off its extension. Default
   * {@link dialAsShown}: the number the page shows, or a refusal. {@link stripNonDigits} is the
   * spec's literal rule; `e164Destination` from `ucp-crm-bridge/phone` gives E.164.
   */
  normalizeDestination?: CrmDestinationNormalizer
  /** CSS selector of the element holding the tab iframes, for the spec's fallback. Default `'#iframe-parent'`. */
  frameContainer?: string
  /**
   * A second `MAKE_CALL` of the same destination from the same tab within this many ms is
   * rejected as `duplicate` (a double click, a repeated event). Default 2,000; 0 turns it off.
   */
  duplicateCallWindow?: number
  /** Dials allowed per tab per minute; more are rejected as `rate-limited`. Default 10; `Infinity` for no cap. */
  maxCallsPerMinute?: number
  /** Where development warnings go (rate-limited); `false` for none. Default `console`. Production builds write none. */
  logger?: CrmLogger | false
  /**
   * Receives every error thrown by one of these callbacks, by `telephony.dial` synchronously (a
   * rejected dial is the call's outcome, not an error), or by the store while the bridge
   * dispatched, with `raisedBy` naming it. The outcome stays what it was: a throwing `canClose`
   * refuses, a throwing dial fails the call. Default: `console.error` in development builds (phone
   * numbers redacted), nothing in production.
   */
  onError?: CrmErrorHandler
  /**
   * Told what became of every protocol message once it is known: refused, carried out or failed,
   * what was posted back, and when. Plain data without the payload, so never a phone number.
   */
  onOutcome?: CrmOutcomeListener
}

/** `crm.closeTab(id)`: dispatches `crmTabs/tabClosed`; `false` if the tab was not open. */
export type CrmCloseTabThunk = (
  id: string,
) => ThunkAction<boolean, CrmTabsRootState, unknown, UnknownAction>

/**
 * A bridge between window messages and the store: its middleware, registry, and lifecycle.
 *
 * @example
 * const crm = createCrmBridge({ telephony })
 * const store = configureStore({
 *   reducer: { ...ucpReducers, ...crmReducers },
 *   middleware: (getDefault) => getDefault().prepend(crm.middleware),
 * })
 * const stop = crm.start(store)
 */
export interface CrmBridge<P extends CrmProtocol<P> = CrmProtocol> {
  /**
   * The middleware that closes tabs and dials. Prepend it to the store's middleware, in one store
   * only. It acts only on the requests this bridge received (their `meta.bridgeId`), so that
   * several bridges' middleware may share a store. Whatever dispatches `crmTabs/tabClosed`, it
   * unregisters the tab's frame and drops what the tab's page was owed.
   */
  middleware: Middleware
  /** Which iframe shows which tab. */
  registry: CrmFrameRegistry
  /**
   * Listens to `message` events on `target` (default: the global window) until the returned
   * function is called. Calling `start` again with the same window returns the same function;
   * with another, it moves there.
   *
   * Throws a `CrmBridgeError`, and changes nothing, when the store cannot work with the bridge:
   * `reducers-missing` (no `crmReducers` at the root of its state), `middleware-missing` (no
   * `crm.middleware` in it), `middleware-reused` (the middleware is in another store too);
   * `window-in-use` while another bridge is started on `target`; `destroyed` after
   * {@link CrmBridge.destroy}.
   */
  start(store: CrmStore, target?: Window): () => void
  /**
   * Stops listening to messages: new ones are not heard. Requests already accepted are still
   * carried out and answered. Safe to call at any time, any number of times.
   */
  stop(): void
  /**
   * Complete and final teardown: stops listening, answers every request still owed `unavailable`
   * (and aborts the `signal` of every dial still pending), forgets every frame and removes the
   * middleware's listeners. A destroyed bridge refuses to start again; make a new one (for a new
   * login, say), on the same store and frames if you like.
   */
  destroy(): void
  /** UCP's own close button: `store.dispatch(crm.closeTab(id))`. */
  closeTab: CrmCloseTabThunk
  /** Counts of accepted, rejected (by reason) and ignored messages since the bridge was made. */
  getStats(): CrmBridgeStats
  /**
   * The action creator of each custom message type, by name: `crm.messages.OPEN_RECORD.match(action)`.
   *
   * @example
   * listenerMiddleware.startListening({
   *   actionCreator: crm.messages.OPEN_RECORD,
   *   effect: (action) => console.log(action.payload, action.meta.tabId),
   * })
   */
  messages: CrmMessageActions<P>
}
