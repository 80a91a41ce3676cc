import { randomUuid } from './randomUuid.js'
import { createFrameRegistry } from './bridge/createFrameRegistry.js'
import { createLimits } from './bridge/limits.js'
import type { PageAddress } from './bridge/verdicts.js'
import { selectCrmTabById } from './crmTabs/selectors.js'
import { startMessageListener } from './listeners/messageListener.js'
import { messageTypes } from './listeners/messageTypes.js'

import { createMessageGate } from './bridge/createMessageGate.js'
import { createOriginPolicy } from './bridge/originPolicy.js'
import { createRequestIds } from './bridge/requestIds.js'
import { claimOf, claimWindow } from './bridge/windowClaim.js'
import { CrmBridgeError, failWith as fail } from './CrmBridgeError.js'
import type { CrmStore } from './crmReducers.js'
import { closeCrmTab } from './crmTabs/closeCrmTab.js'
import { postHello } from './listeners/answers.js'
import { createCallWatch, startCallStatusListener } from './listeners/callStatus.js'
import { startCloseListener } from './listeners/closeListener.js'
import { createCrmMiddleware } from './listeners/createCrmMiddleware.js'
import { createRequestOwner } from './listeners/createRequestOwner.js'
import { startDialListener } from './listeners/dialListener.js'
import { createPageTurns } from './listeners/pageTurns.js'
import { createRateLimitedWarner } from './listeners/warnings.js'
import { createErrorReporter } from './onError.js'
import { checkOptions } from './checkOptions.js'
import { checkStore, OPTION_DEFAULTS } from './options.js'

import type { CrmMessageDefinition } from './listeners/types.js'
import type { CrmProtocol } from './protocol/types.js'
import type { CrmBridge, CrmBridgeOptions, CrmMessageActions } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/**
 * Makes the bridge that turns CRM frames' window messages into typed actions, and the middleware
 * that answers them by closing tabs and dialing.
 *
 * @example
 * const crm = createCrmBridge({ telephony: { dial: (destination) => softphone.dial(destination) } })
 * const store = configureStore({
 *   reducer: { ...ucpReducers, ...crmReducers },
 *   middleware: (getDefault) => getDefault().prepend(crm.middleware),
 * })
 * const stop = crm.start(store)
 */
export function createCrmBridge<P extends CrmProtocol<P> = CrmProtocol>(
  options: CrmBridgeOptions<P>,
): CrmBridge<P> {
  // Development builds check every option; production builds trust what development checked.
  if (process.env.NODE_ENV !== 'production') checkOptions(options)
  const settings = { ...OPTION_DEFAULTS, ...options }
  // Plain data in each request's meta: only this bridge acts on the requests it received.
  const bridgeId = randomUuid()
  const report = createErrorReporter(options.onError)
  // Warnings are for development builds: a production build carries neither the warner nor its texts.
  const warn =
    process.env.NODE_ENV !== 'production' && options.logger !== false
      ? createRateLimitedWarner(options.logger ?? console, (error) => report(error, 'logger'))
      : undefined

  // The message's way: the gate (sender, origin, shape, limits), then its owner, then the effects.
  // Typed by the protocol for the host; the bridge itself reads any payload from `unknown`.
  const messages = messageTypes(options.messages as Record<string, CrmMessageDefinition>)
  const types = ['CLOSE_CRM_TAB', 'MAKE_CALL', ...messages.keys()]
  const policy = createOriginPolicy(options.allowedOrigins, options.grants, report)
  const calls = createCallWatch((tabId) => registry.frameFor(tabId))
  let session: { view: Window; store: CrmStore; stop: () => void } | undefined
  /** The hello a page asked for: its tab's calls that have not ended, and what its origin may send. */
  function greet(to: PageAddress): boolean {
    // A hello comes only while started, when there is a store to read the tab from.
    const state = session?.store.getState()
    const tab = state && selectCrmTabById(state, to.tabId)
    if (!tab) return false
    pages.greeted(to.tabId)
    const granted = types.filter((type) => policy.mayUse(to.origin, type, tab))
    return postHello(to, calls.helloCalls(state, to), granted)
  }
  const owner = createRequestOwner({
    report,
    onRejected: options.onRejected,
    onOutcome: options.onOutcome,
    warn,
    greet,
  })
  const requestIds = createRequestIds()
  const limits = createLimits(settings.duplicateCallWindow)
  // A page that reloads or leaves is owed nothing and starts its request ids afresh; the call limits
  // stay, so that reloading is no way around them. A closed tab is forgotten altogether.
  const forgetPage = (tabId: string) => {
    owner.forgetPage(tabId)
    calls.forgetPage(tabId)
    requestIds.forgetTab(tabId)
  }
  const pages = createPageTurns(forgetPage)
  const registry = createFrameRegistry((tabId, loaded) =>
    loaded ? pages.loaded(tabId) : pages.gone(tabId),
  )
  const normalizeDestination = (raw: string) => {
    try {
      return settings.normalizeDestination(raw)
    } catch (error) {
      report(error, 'normalizeDestination')
      return undefined
    }
  }
  const crm = createCrmMiddleware({
    bridgeId,
    report,
    onTabClosed: (tabId) => {
      registry.unregister(tabId)
      pages.gone(tabId)
      limits.forgetTab(tabId)
    },
  })
  startCloseListener(crm.listeners, { bridgeId, canClose: options.canClose, owner, report })
  startDialListener(crm.listeners, {
    bridgeId,
    telephony: options.telephony,
    dialTimeout: settings.dialTimeout,
    owner,
    report,
  })
  startCallStatusListener(crm.listeners, { owner, calls })
  startMessageListener(crm.listeners, { bridgeId, messages, owner, report })

  let destroyed = false

  function stop(): void {
    session?.stop()
  }

  function start(store: CrmStore, target?: Window): () => void {
    // A destroyed bridge has no listeners left to act on what it would accept: refusing at once
    // beats accepting messages that nothing dials or answers.
    if (destroyed)
      fail(
        'destroyed',
        process.env.NODE_ENV !== 'production' ? 'start(): this bridge was destroyed' : undefined,
      )
    checkStore(store)
    const probed = crm.probe(store)
    if (probed === 'missing') {
      fail(
        'middleware-missing',
        process.env.NODE_ENV !== 'production'
          ? 'start(): the store has no middleware of this bridge; add it with ' +
              '`middleware: (getDefault) => getDefault().prepend(crm.middleware)`'
          : undefined,
      )
    }
    if (probed === 'reused') {
      fail(
        'middleware-reused',
        process.env.NODE_ENV !== 'production'
          ? "start(): this bridge's middleware is in several stores: make a bridge per store"
          : undefined,
      )
    }
    if (typeof window === 'undefined' && !target) {
      fail(
        'no-window',
        process.env.NODE_ENV !== 'production'
          ? 'start() needs a window: pass one as its second argument'
          : undefined,
      )
    }
    const view = target ?? window
    if (session?.view === view) return session.stop
    // Two bridges on one window would each handle every message. Checked before stopping anything,
    // so that a refused start changes nothing.
    const holder = claimOf(view)
    if (holder !== undefined && holder !== bridgeId) {
      fail(
        'window-in-use',
        process.env.NODE_ENV !== 'production'
          ? 'start(): another bridge listens on this window'
          : undefined,
      )
    }
    stop()
    const release = claimWindow(view, bridgeId)
    const judge = createMessageGate({
      bridgeId,
      getState: store.getState,
      view,
      registry,
      frameContainer: settings.frameContainer,
      policy,
      normalizeDestination,
      requestIds,
      limits,
      maxCallsPerMinute: settings.maxCallsPerMinute,
      messages,
    })
    const onMessage = (event: MessageEvent) => {
      const verdict = judge(event)
      if (verdict.kind === 'accepted') pages.spoke(verdict.action.meta.tabId)
      // The page that asked for a call with a requestId hears of its progress, once it is placed.
      if (verdict.kind === 'accepted' && verdict.type === 'MAKE_CALL' && verdict.replyTo) {
        const { replyTo } = verdict
        calls.watch(verdict.action.meta.requestId, replyTo, replyTo.clientRequestId)
      }
      owner.handle(verdict, Date.now(), store.dispatch)
    }
    view.addEventListener('message', onMessage)
    let stopped = false
    const current = {
      view,
      store,
      stop: () => {
        if (stopped) return
        stopped = true
        view.removeEventListener('message', onMessage)
        release()
        if (session === current) session = undefined
      },
    }
    session = current
    return current.stop
  }

  return {
    middleware: crm.middleware,
    registry,
    start,
    stop,
    destroy() {
      if (destroyed) return
      destroyed = true
      stop()
      // Answered before the frames go: forgetting a frame forgets where its page's answers go.
      owner.settleAll('unavailable', new CrmBridgeError('destroyed'))
      crm.clear()
      calls.clear()
      pages.clear()
      registry.clear()
      limits.clear()
      requestIds.clear()
    },
    closeTab: closeCrmTab,
    getStats: owner.getStats,
    messages: Object.fromEntries(
      [...messages].map(([type, { action }]) => [type, action]),
    ) as CrmMessageActions<P>,
  }
}
