import type { Middleware } from '@reduxjs/toolkit'
import type { CrmDestinationNormalizer } from './bridge/normalizeDestination.js'
import type { CrmDialThunk } from './crmCalls/dialThunk.js'
import type { CrmTelephony } from './crmCalls/types.js'
import type { CrmCloseTabThunk } from './crmTabs/closeTab.js'
import type { CrmLogger } from './diagnostics/logger.js'
import type { CrmErrorHandler } from './diagnostics/onError.js'
import type { CrmOutcomeListener } from './diagnostics/outcomes.js'
import type { CrmBridgeStats } from './diagnostics/stats.js'
import type { CrmCanClose } from './listeners/types.js'
import type { CrmAllowedOrigins } from './policy/originPolicy.js'
import type { CrmFrameRegistry } from './registry/types.js'
import type { CrmRejection } from './requests/types.js'
import type { CrmStore } from './store/types.js'

/**
 * Options of {@link createCrmBridge}.
 *
 * @example
 * createCrmBridge({
 *   telephony: { dial: (destination) => softphone.dial(destination) },
 *   allowedOrigins: ['https://static.crm.example.com'],
 *   canClose: ({ target, allowedByDefault }) => allowedByDefault && !callInProgressIn(target.id),
 *   onRejected: ({ reason }) => metrics.increment(`crm.rejected.${reason}`),
 *   normalizeDestination: keepLeadingPlus,
 *   onError: (error, { raisedBy }) => Sentry.captureException(error, { tags: { raisedBy } }),
 * })
 */
export interface CrmBridgeOptions {
  /** The softphone that `MAKE_CALL` dials through. Required. */
  telephony: CrmTelephony
  /** Origins allowed besides each tab's own: exact origins, or a predicate. */
  allowedOrigins?: CrmAllowedOrigins
  /** Widens, narrows or vetoes a close; may answer with a promise. A throw or rejection vetoes. */
  canClose?: CrmCanClose
  /** Told of every rejected message and refused close, with a reason code; never with the data. */
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
   * Receives every error thrown by one of these callbacks, a registry subscriber, `telephony.dial`
   * or the store while the bridge dispatched, with `raisedBy` naming it. The outcome stays what it
   * was: a throwing `canClose` refuses, a throwing dial fails the call. Default: `console.error` in
   * development builds (phone numbers redacted), nothing in production.
   */
  onError?: CrmErrorHandler
  /**
   * Told what became of every protocol message once it is known: refused, carried out or failed,
   * what was posted back, and when. Plain data without the payload, so never a phone number.
   */
  onOutcome?: CrmOutcomeListener
}

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
export interface CrmBridge {
  /**
   * The listener middleware that closes tabs and dials. Prepend it to the store's middleware. It
   * acts only on the requests this bridge received (their `meta.bridgeId`), so that several
   * bridges' middleware may share a store.
   */
  middleware: Middleware
  /** Which iframe shows which tab. */
  registry: CrmFrameRegistry
  /**
   * Listens to `message` events on `target` (default: the global window) until the returned
   * function is called. Calling `start` again with the same store and window returns the same
   * function; with another, it stops the earlier listener first, which then does nothing.
   *
   * One bridge listens on a window at a time, so that no message is handled twice: `start` throws a
   * `CrmBridgeError` (`window-in-use`) while another bridge is started on `target`, and
   * (`destroyed`) after {@link CrmBridge.destroy}.
   */
  start(store: CrmStore, target?: Window): () => void
  /** Removes the window listener, if started. Safe to call at any time, any number of times. */
  stop(): void
  /**
   * Stops, forgets every frame and removes the middleware's listeners: complete and final teardown.
   * A destroyed bridge refuses to start again; make a new one (for a new login, say).
   */
  destroy(): void
  /** The close thunk: dispatches `crmTabs/tabClosed` and unregisters the tab's frame. `false` if the tab was not open. */
  closeTab: CrmCloseTabThunk
  /** The dial thunk (`crmCalls/dial`) bound to `telephony.dial`. */
  dial: CrmDialThunk
  /** Counts of accepted, rejected (by reason) and ignored messages since the bridge was made. */
  getStats(): CrmBridgeStats
}
