import type { CrmTab } from '../crmTabs/types.js'
import { crmCloseRequested, crmMakeCallRequested } from '../messages/messageActions.js'
import type { CrmRejectReason, CrmRejection } from '../messages/types.js'
import { CRM_PROTOCOL_VERSION } from '../protocol/types.js'
import type { CrmFrameRegistry } from '../registry/types.js'
import type { CrmStore } from '../types.js'
import { postAnswer, type AnswerAddress, type Answers } from './answers.js'
import type { CallGuard } from './callGuard.js'
import { postHello } from './frameLifecycle.js'
import type { CrmDestinationNormalizer } from './normalizeDestination.js'
import {
  isKnownType,
  parseCloseTab,
  parseMakeCall,
  parseRequestFields,
  peekType,
  type KnownType,
  type ParseResult,
  type RequestFields,
} from './parseMessage.js'
import { resolveSender } from './resolveSender.js'
import type { Stats } from './stats.js'

export interface MessageHandlerDeps {
  store: CrmStore
  view: Window
  registry: CrmFrameRegistry
  answers: Answers
  callGuard: CallGuard
  stats: Stats
  frameContainer: string | undefined
  isOriginAllowed: (origin: string, tab: CrmTab) => boolean
  normalizeDestination: CrmDestinationNormalizer
  reject: (rejection: CrmRejection) => void
}

/** Parsing reads only own data properties, but a synthetic event may still carry a hostile Proxy. */
function guarded<T>(parse: () => T, fallback: T): T {
  try {
    return parse()
  } catch {
    return fallback
  }
}

const INVALID: ParseResult<never> = { ok: false, reason: 'invalid-message' }

function readOrigin(event: MessageEvent): string {
  return typeof event.origin === 'string' ? event.origin : ''
}

/**
 * The `message` listener. It rejects by source, then origin, then shape before it dispatches
 * exactly one action, and never throws. Data that is not protocol-shaped (no string `type`) is
 * other scripts' traffic and is ignored without a word. A message with a `requestId` from a tab's
 * frame at an allowed origin gets exactly one answer; no other sender ever gets one.
 */
export function createMessageHandler(deps: MessageHandlerDeps): (event: MessageEvent) => void {
  const { store, view, registry, answers, stats } = deps

  function handle(event: MessageEvent): void {
    const type = peekType(event.data)
    if (type === undefined) return stats.ignore()
    const known: KnownType | undefined = isKnownType(type) ? type : undefined
    const origin = readOrigin(event)
    let answerTo: AnswerAddress | undefined
    const fail = (reason: CrmRejectReason, tabId?: string) => {
      // An unknown type is worth a word only when a CRM tab sent it (a typo in the CRM page).
      if (!known && reason !== 'unknown-type') return stats.ignore()
      const rejection: CrmRejection = { reason, origin }
      if (known) rejection.type = known
      if (tabId !== undefined) rejection.tabId = tabId
      deps.reject(rejection)
      if (answerTo) postAnswer(answerTo, reason)
    }

    // Unknown types only get the registry's constant-time look-up, never the DOM scan.
    const source = event.source
    const sender = resolveSender(
      source,
      store.getState(),
      registry,
      view,
      known && deps.frameContainer,
    )
    if (!sender.ok) return fail(sender.reason)
    const tabId = sender.tab.id
    if (!deps.isOriginAllowed(origin, sender.tab)) return fail('origin-not-allowed', tabId)

    // From here the sender is a tab's frame at an allowed origin: it may be answered.
    const data = event.data as Record<string, unknown>
    const fields = guarded<RequestFields | undefined>(() => parseRequestFields(data), undefined)
    if (!fields) return fail('invalid-message', tabId)
    const { clientRequestId } = fields
    if (clientRequestId !== undefined && source) {
      answerTo = { source, origin, type, clientRequestId, tabId }
    }
    if (!known) return fail('unknown-type', tabId)
    if (fields.version === undefined) return fail('invalid-message', tabId)
    if (fields.version > CRM_PROTOCOL_VERSION) return fail('unsupported-version', tabId)
    if (known === 'CRM_HELLO') return postHello(store, tabId, source, origin)

    const from = { origin, tabId, clientRequestId }
    const isRepeat = () =>
      clientRequestId !== undefined && answers.isDuplicate(tabId, clientRequestId)
    let action: ReturnType<typeof crmCloseRequested> | ReturnType<typeof crmMakeCallRequested>
    if (known === 'CLOSE_CRM_TAB') {
      const parsed = guarded(() => parseCloseTab(data), INVALID)
      if (!parsed.ok) return fail(parsed.reason, tabId)
      if (isRepeat()) return fail('duplicate', tabId)
      action = crmCloseRequested(parsed.payload, from)
    } else {
      const parsed = guarded(() => parseMakeCall(data, deps.normalizeDestination), INVALID)
      if (!parsed.ok) return fail(parsed.reason, tabId)
      if (isRepeat()) return fail('duplicate', tabId)
      // Double clicks and floods stop here, before anything reaches the store or the softphone.
      const verdict = deps.callGuard.check(tabId, parsed.payload.destination, Date.now())
      if (verdict) return fail(verdict, tabId)
      action = crmMakeCallRequested(parsed.payload, from)
    }
    if (answerTo) answers.expect(action.meta.requestId, answerTo)
    try {
      store.dispatch(action)
      stats.accept()
    } catch {
      // Only the host's own code can throw here (a reducer or middleware that failed on our action).
      answers.settle(action.meta.requestId, 'internal-error')
      answerTo = undefined
      fail('internal-error', tabId)
    }
  }

  return (event) => {
    try {
      handle(event)
    } catch {
      try {
        deps.reject({ reason: 'internal-error', origin: readOrigin(event) })
      } catch {
        // Reporting must not throw either.
      }
    }
  }
}
