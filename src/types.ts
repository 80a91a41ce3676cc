import type { Middleware, ThunkAction, UnknownAction } from '@reduxjs/toolkit'
import type { CrmDialThunk } from './crmCalls/dialThunk.js'
import type { CrmCallsState, CrmTelephony } from './crmCalls/types.js'
import type { CrmTab, CrmTabsState } from './crmTabs/types.js'
import type { CrmLogger } from './bridge/logger.js'
import type { CrmBridgeStats } from './bridge/stats.js'
import type { CrmDestinationNormalizer } from './bridge/normalizeDestination.js'
import type { CrmRejection } from './messages/types.js'
import type { CrmFrameRegistry } from './registry/types.js'

/** The part of the root state the package owns: what {@link crmReducers} mounts. */
export interface CrmRootState {
  crmTabs: CrmTabsState
  crmCalls: CrmCallsState
}

/** The store `start` needs: UCP's own store fits, whatever else it holds. */
export interface CrmStore {
  dispatch: (action: UnknownAction) => unknown
  getState: () => CrmRootState
}

/** Which origins may send for a tab besides the origin of the tab's URL. */
export type CrmAllowedOrigins = readonly string[] | ((origin: string, tab: CrmTab) => boolean)

/**
 * What `canClose` is asked. `allowedByDefault` is the package's own answer: `true` when the
 * sender closes its own tab or a tab of the same origin.
 */
export interface CrmCloseCheck {
  /** The tab that would close. */
  target: CrmTab
  /** The tab whose frame asked. */
  sender: CrmTab
  /** The sender's `event.origin`. */
  origin: string
  /** Whether the message named the tab (`payload.id`) rather than closing its sender. */
  explicit: boolean
  allowedByDefault: boolean
}

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
 * })
 */
export interface CrmBridgeOptions {
  /** The softphone that `MAKE_CALL` dials through. Required. */
  telephony: CrmTelephony
  /** Origins allowed besides each tab's own: exact origins, or a predicate. */
  allowedOrigins?: CrmAllowedOrigins
  /** Widens, narrows or vetoes a close; may answer with a promise. A throw or rejection vetoes. */
  canClose?: (check: CrmCloseCheck) => boolean | Promise<boolean>
  /** Told of every rejected message and refused close, with a reason code; never with the data. */
  onRejected?: (rejection: CrmRejection) => void
  /** Turns the raw destination into the dialed one. Default {@link stripNonDigits}, as the spec says. */
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
  /** Where development warnings go (rate-limited); `false` for none. Default `console` in development builds. */
  logger?: CrmLogger | false
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
  /** The listener middleware that closes tabs and dials. Prepend it to the store's middleware. */
  middleware: Middleware
  /** Which iframe shows which tab. */
  registry: CrmFrameRegistry
  /**
   * Listens to `message` events on `target` (default: the global window) until the returned
   * function is called. Calling `start` again while started stops the earlier listener first, so
   * messages are never handled twice; the earlier stop function then does nothing.
   */
  start(store: CrmStore, target?: Window): () => void
  /** Removes the window listener, if started. Safe to call at any time, any number of times. */
  stop(): void
  /** Stops, forgets every frame and removes the middleware's listeners: complete teardown. */
  destroy(): void
  /** The close thunk: unregisters the tab's frame and dispatches `crmTabs/tabClosed`. `false` if the tab was not open. */
  closeTab(id: string): ThunkAction<boolean, CrmRootState, unknown, UnknownAction>
  /** The dial thunk (`telephony/dial`) bound to `telephony.dial`. */
  dial: CrmDialThunk
  /** Counts of accepted, rejected (by reason) and ignored messages since the bridge was made. */
  getStats(): CrmBridgeStats
}
