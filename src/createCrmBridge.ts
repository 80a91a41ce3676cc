import { v4 as uuidv4 } from 'uuid'
import { createMessageHandler } from './bridge/createMessageHandler.js'
import { dialAsShown } from './bridge/normalizeDestination.js'
import { claimOf, claimWindow } from './bridge/windowClaim.js'
import { createDialThunk } from './crmCalls/dialThunk.js'
import { createCloseTab } from './crmTabs/closeTab.js'
import { createRateLimitedWarner } from './diagnostics/logger.js'
import { createErrorReporter, type ReportError } from './diagnostics/onError.js'
import { createOutcomes } from './diagnostics/outcomes.js'
import { createStats } from './diagnostics/stats.js'
import { checkOptions } from './checkOptions.js'
import { CrmBridgeError } from './errors/CrmBridgeError.js'
import { createCrmListeners } from './listeners/createCrmListeners.js'
import { createCallGuard } from './policy/callGuard.js'
import { createOriginPolicy } from './policy/originPolicy.js'
import { createRequestIds } from './policy/requestIds.js'
import { createFrameRegistry } from './registry/createFrameRegistry.js'
import { createAnswers } from './replies/answers.js'
import { watchFrames } from './replies/frameLifecycle.js'
import type { CrmRejection } from './requests/types.js'
import type { CrmStore } from './store/types.js'
import type { CrmBridge, CrmBridgeOptions } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

const DEFAULT_FRAME_CONTAINER = '#iframe-parent'
const DEFAULT_DUPLICATE_CALL_WINDOW = 2_000
const DEFAULT_MAX_CALLS_PER_MINUTE = 10

/**
 * The normalizer, with what it throws reported before the parser turns the throw into
 * `invalid-destination`.
 */
function reportingThrows<A extends unknown[], R>(
  normalize: (...args: A) => R,
  report: ReportError,
): (...args: A) => R {
  return (...args) => {
    try {
      return normalize(...args)
    } catch (error) {
      report(error, 'normalizeDestination')
      throw error
    }
  }
}

function defaultView(): Window {
  if (typeof window === 'undefined') {
    throw new CrmBridgeError(
      'no-window',
      process.env.NODE_ENV !== 'production'
        ? 'start() needs a window: pass one as its second argument'
        : undefined,
    )
  }
  return window
}

/**
 * Makes the bridge that turns CRM frames' window messages into typed actions, and the listener
 * middleware that answers them by closing tabs and dialing.
 *
 * @example
 * const crm = createCrmBridge({ telephony: { dial: (destination) => softphone.dial(destination) } })
 * const store = configureStore({
 *   reducer: { ...ucpReducers, ...crmReducers },
 *   middleware: (getDefault) => getDefault().prepend(crm.middleware),
 * })
 * const stop = crm.start(store)
 */
export function createCrmBridge(options: CrmBridgeOptions): CrmBridge {
  checkOptions(options)
  // Plain data in each request's meta: only this bridge acts on the requests it received.
  const bridgeId = uuidv4()
  const report = createErrorReporter(options.onError)
  const registry = createFrameRegistry({ onError: (error) => report(error, 'registrySubscriber') })
  const isOriginAllowed = createOriginPolicy(options.allowedOrigins, report)
  // Warnings are for development builds: a production build carries neither the warner nor its texts.
  const warn =
    process.env.NODE_ENV !== 'production' && options.logger !== false
      ? createRateLimitedWarner(options.logger ?? console, (error) => report(error, 'logger'))
      : undefined

  const stats = createStats()
  const callGuard = createCallGuard(
    options.duplicateCallWindow ?? DEFAULT_DUPLICATE_CALL_WINDOW,
    options.maxCallsPerMinute ?? DEFAULT_MAX_CALLS_PER_MINUTE,
  )

  function reject(rejection: CrmRejection): void {
    stats.reject(rejection.reason)
    // A failed dial is the softphone's outcome, not a message UCP turned down: no warning for it
    // (onError has the softphone's error itself).
    if (process.env.NODE_ENV !== 'production' && warn && rejection.reason !== 'dial-failed') {
      warn(
        rejection.reason,
        `rejected ${rejection.type ?? 'message'} from ${rejection.origin || 'an unknown origin'}: ${rejection.reason}`,
      )
    }
    try {
      options.onRejected?.(rejection)
    } catch (error) {
      report(error, 'onRejected')
    }
  }

  const answers = createAnswers()
  const requestIds = createRequestIds()
  // A page that reloads or leaves is owed nothing and starts its request ids afresh; the call limits
  // stay, so that reloading is no way around them. A closed tab is forgotten altogether.
  const forgetPage = (tabId: string) => {
    answers.forgetTab(tabId)
    requestIds.forgetTab(tabId)
  }
  const outcomes = createOutcomes(answers.settle, options.onOutcome, report)
  const closeTab = createCloseTab(registry)
  const dial = createDialThunk(options.telephony, report)
  const listeners = createCrmListeners({
    bridgeId,
    closeTab,
    dial,
    canClose: options.canClose,
    reject,
    outcomes,
    report,
    forgetClosedTab: (tabId) => {
      forgetPage(tabId)
      callGuard.forgetTab(tabId)
    },
  })

  let session: { store: CrmStore; view: Window; stop: () => void } | undefined
  let destroyed = false

  function stop(): void {
    session?.stop()
  }

  function start(store: CrmStore, target?: Window): () => void {
    // A destroyed bridge has no listeners left to act on what it would accept: refusing at once
    // beats accepting messages that nothing dials or answers.
    if (destroyed)
      throw new CrmBridgeError(
        'destroyed',
        process.env.NODE_ENV !== 'production' ? 'start(): this bridge was destroyed' : undefined,
      )
    const view = target ?? defaultView()
    if (session && session.store === store && session.view === view) return session.stop
    // Two bridges on one window would each handle every message. Checked before stopping anything,
    // so that a refused start changes nothing.
    const holder = claimOf(view)
    if (holder !== undefined && holder !== bridgeId) {
      throw new CrmBridgeError(
        'window-in-use',
        process.env.NODE_ENV !== 'production'
          ? 'start(): another bridge listens on this window'
          : undefined,
      )
    }
    stop()
    const release = claimWindow(view, bridgeId)
    const handler = createMessageHandler({
      bridgeId,
      store,
      view,
      registry,
      answers,
      requestIds,
      callGuard,
      stats,
      frameContainer: options.frameContainer ?? DEFAULT_FRAME_CONTAINER,
      isOriginAllowed,
      normalizeDestination: reportingThrows(options.normalizeDestination ?? dialAsShown, report),
      reject,
      outcomes,
      report,
    })
    view.addEventListener('message', handler)
    const unwatchFrames = watchFrames(registry, forgetPage)
    let stopped = false
    const current = {
      store,
      view,
      stop: () => {
        if (stopped) return
        stopped = true
        view.removeEventListener('message', handler)
        release()
        unwatchFrames()
        answers.clear()
        requestIds.clear()
        if (session === current) session = undefined
      },
    }
    session = current
    return current.stop
  }

  return {
    middleware: listeners.middleware,
    registry,
    start,
    stop,
    destroy() {
      destroyed = true
      stop()
      registry.clear()
      callGuard.clear()
      outcomes.clear()
      listeners.clearListeners()
    },
    closeTab,
    dial,
    getStats: stats.snapshot,
  }
}
