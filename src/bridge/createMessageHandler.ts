import type { CrmTab } from '../crmTabs/types.js'
import { crmCloseRequested, crmMakeCallRequested } from '../messages/messageActions.js'
import type { CrmMessageType, CrmRejectReason, CrmRejection } from '../messages/types.js'
import type { CrmFrameRegistry } from '../registry/types.js'
import type { CrmStore } from '../types.js'
import type { CrmDestinationNormalizer } from './normalizeDestination.js'
import {
  isCrmMessageType,
  parseCloseTab,
  parseMakeCall,
  peekType,
  type ParseResult,
} from './parseMessage.js'
import { resolveSender } from './resolveSender.js'

export interface MessageHandlerDeps {
  store: CrmStore
  view: Window
  registry: CrmFrameRegistry
  frameContainer: string | undefined
  isOriginAllowed: (origin: string, tab: CrmTab) => boolean
  normalizeDestination: CrmDestinationNormalizer
  reject: (rejection: CrmRejection) => void
}

/** Parsing reads only own data properties, but a synthetic event may still carry a hostile Proxy. */
function guardedParse<T>(parse: () => ParseResult<T>): ParseResult<T> {
  try {
    return parse()
  } catch {
    return { ok: false, reason: 'invalid-message' }
  }
}

function readOrigin(event: MessageEvent): string {
  return typeof event.origin === 'string' ? event.origin : ''
}

/**
 * The `message` listener. It rejects by source, then origin, then shape before it dispatches
 * exactly one action, and never throws. Data that is not protocol-shaped (no string `type`) is
 * other scripts' traffic and is ignored without a word.
 */
export function createMessageHandler(deps: MessageHandlerDeps): (event: MessageEvent) => void {
  const { store, view, registry } = deps

  function handle(event: MessageEvent): void {
    const type = peekType(event.data)
    if (type === undefined) return
    const known: CrmMessageType | undefined = isCrmMessageType(type) ? type : undefined
    const origin = readOrigin(event)
    const fail = (reason: CrmRejectReason, tabId?: string) => {
      // An unknown type is worth a word only when a CRM tab sent it (a typo in the CRM page).
      if (!known && reason !== 'unknown-type') return
      const rejection: CrmRejection = { reason, origin }
      if (known) rejection.type = known
      if (tabId !== undefined) rejection.tabId = tabId
      deps.reject(rejection)
    }

    // Unknown types only get the registry's constant-time look-up, never the DOM scan.
    const state = store.getState()
    const sender = resolveSender(event.source, state, registry, view, known && deps.frameContainer)
    if (!sender.ok) return fail(sender.reason)
    const tabId = sender.tab.id
    if (!deps.isOriginAllowed(origin, sender.tab)) return fail('origin-not-allowed', tabId)
    if (!known) return fail('unknown-type', tabId)

    const data = event.data as Record<string, unknown>
    const from = { origin, tabId }
    if (known === 'CLOSE_CRM_TAB') {
      const parsed = guardedParse(() => parseCloseTab(data))
      if (!parsed.ok) return fail(parsed.reason, tabId)
      store.dispatch(crmCloseRequested(parsed.payload, from))
    } else {
      const parsed = guardedParse(() => parseMakeCall(data, deps.normalizeDestination))
      if (!parsed.ok) return fail(parsed.reason, tabId)
      store.dispatch(crmMakeCallRequested(parsed.payload, from))
    }
  }

  return (event) => {
    try {
      handle(event)
    } catch {
      // Only the host's own code can get here (a reducer or middleware that threw on our action).
      try {
        deps.reject({ reason: 'internal-error', origin: readOrigin(event) })
      } catch {
        // Reporting must not throw either.
      }
    }
  }
}
