import type { CrmTab } from '../crmTabs/types.js'
import type { ReportError } from '../diagnostics/onError.js'
import type { Outcomes } from '../diagnostics/outcomes.js'
import type { Stats } from '../diagnostics/stats.js'
import type { CallGuard } from '../policy/callGuard.js'
import type { RequestIds } from '../policy/requestIds.js'
import { CRM_PROTOCOL_VERSION } from '../protocol/types.js'
import type { CrmFrameRegistry } from '../registry/types.js'
import { postAnswer, type AnswerAddress, type Answers } from '../replies/answers.js'
import { postHello } from '../replies/hello.js'
import { crmCloseRequested, crmMakeCallRequested } from '../requests/requestActions.js'
import type { CrmMessageType, CrmRejectReason, CrmRejection } from '../requests/types.js'
import type { CrmStore } from '../store/types.js'
import type { CrmDestinationNormalizer } from './normalizeDestination.js'
import {
  isKnownType,
  parseCloseTab,
  parseMakeCall,
  parseRequestFields,
  peekType,
  type KnownType,
} from './parseMessage.js'
import { resolveSender } from './resolveSender.js'

export interface MessageHandlerDeps {
  /** Goes into each request's meta, so that only this bridge's listeners act on it. */
  bridgeId: string
  store: CrmStore
  view: Window
  registry: CrmFrameRegistry
  answers: Answers
  requestIds: RequestIds
  callGuard: CallGuard
  stats: Stats
  frameContainer: string | undefined
  isOriginAllowed: (origin: string, tab: CrmTab) => boolean
  normalizeDestination: CrmDestinationNormalizer
  reject: (rejection: CrmRejection) => void
  outcomes: Outcomes
  report: ReportError
}

type RequestAction = ReturnType<typeof crmCloseRequested> | ReturnType<typeof crmMakeCallRequested>

/** What became of a message before anything was dispatched. `type` is set for the protocol's types. */
type Verdict =
  | { kind: 'ignored' }
  | {
      kind: 'refused'
      reason: CrmRejectReason
      type?: KnownType
      tabId?: string
      replyTo?: AnswerAddress
    }
  | { kind: 'hello'; tabId: string; source: MessageEventSource; origin: string }
  | { kind: 'accepted'; type: CrmMessageType; action: RequestAction; replyTo?: AnswerAddress }

const IGNORED: Verdict = { kind: 'ignored' }
const HELLO = { type: 'UCP_HELLO' } as const

function readOrigin(event: MessageEvent): string {
  return typeof event.origin === 'string' ? event.origin : ''
}

/**
 * The `message` listener. It rejects by source, then origin, then shape before it dispatches
 * exactly one action, and never throws. Data that is not protocol-shaped (no string `type`) is
 * other scripts' traffic and is ignored without a word. A message with a `requestId` from a tab's
 * frame at an allowed origin gets exactly one answer; no other sender ever gets one, and a request
 * from the opaque origin, which cannot be answered, is refused before anything is done.
 */
export function createMessageHandler(deps: MessageHandlerDeps): (event: MessageEvent) => void {
  const { store, answers, stats, outcomes } = deps

  /** Finds the sender, checks its origin, parses and limits: everything short of dispatching. */
  function judge(event: MessageEvent): Verdict {
    const type = peekType(event.data)
    if (type === undefined) return IGNORED
    // Anything but the protocol's types is worth a word only when a CRM tab sent it (a typo in the
    // CRM page), and only the registry's constant-time look-up, never the DOM scan.
    const known: KnownType | undefined = isKnownType(type) ? type : undefined
    const origin = readOrigin(event)
    const refusal = (reason: CrmRejectReason, tabId?: string, replyTo?: AnswerAddress): Verdict =>
      known || (reason === 'unknown-type' && tabId !== undefined)
        ? { kind: 'refused', reason, type: known, tabId, replyTo }
        : IGNORED

    // A hello UCP will not give is ignored without a word: asking changes nothing, and a client
    // asks several times (from a sandboxed frame, say, or a page on another origin).
    const stranger = (reason: CrmRejectReason, tabId?: string) =>
      known === 'CRM_HELLO' ? IGNORED : refusal(reason, tabId)

    // Find the sender.
    const source = event.source
    const container = known && deps.frameContainer
    const sender = resolveSender(source, store.getState(), deps.registry, deps.view, container)
    if (!sender.ok) return stranger(sender.reason)
    const tabId = sender.tab.id

    // Check the origin. From here on the sender is a tab's frame at an allowed origin: it may be answered.
    if (!deps.isOriginAllowed(origin, sender.tab)) return stranger('origin-not-allowed', tabId)

    // Parse.
    const data = event.data as Record<string, unknown>
    const fields = parseRequestFields(data)
    if (!fields) return refusal('invalid-message', tabId)
    const { clientRequestId } = fields
    // An opaque origin ('null': a sandboxed frame) could be answered only through '*', which UCP
    // never uses. A request that asks for an answer is refused before anything is done, rather than
    // acted on and left unanswered for its page to time out and send again.
    if (origin === 'null' && clientRequestId !== undefined) return refusal('opaque-origin', tabId)
    const replyTo: AnswerAddress | undefined =
      clientRequestId !== undefined && source
        ? { source, origin, type, clientRequestId, tabId }
        : undefined
    const refuse = (reason: CrmRejectReason) => refusal(reason, tabId, replyTo)
    if (!known) return refuse('unknown-type')
    if (fields.version === undefined) return refuse('invalid-message')
    if (fields.version > CRM_PROTOCOL_VERSION) return refuse('unsupported-version')
    if (known === 'CRM_HELLO') return { kind: 'hello', tabId, source: source!, origin }

    // Limit: a request id used before is refused before anything reaches the store.
    const isRepeat = () =>
      clientRequestId !== undefined && deps.requestIds.isRepeat(tabId, clientRequestId)
    const from = { origin, tabId, clientRequestId, bridgeId: deps.bridgeId }
    if (known === 'CLOSE_CRM_TAB') {
      const parsed = parseCloseTab(data)
      if (!parsed.ok) return refuse(parsed.reason)
      if (isRepeat()) return refuse('duplicate')
      const action = crmCloseRequested(parsed.payload, from)
      return { kind: 'accepted', type: known, action, replyTo }
    }
    const parsed = parseMakeCall(data, deps.normalizeDestination)
    if (!parsed.ok) return refuse(parsed.reason)
    if (isRepeat()) return refuse('duplicate')
    // Double dials and floods stop here, before anything reaches the store or the softphone. Two
    // extensions behind one number are two people: a destination never holds an `x`.
    const { destination, extension } = parsed.payload
    const dialled = extension === undefined ? destination : `${destination}x${extension}`
    const limited = deps.callGuard.check(tabId, dialled, Date.now())
    if (limited) return refuse(limited)
    const action = crmMakeCallRequested(parsed.payload, from)
    return { kind: 'accepted', type: known, action, replyTo }
  }

  /** Tells `onRejected`, and answers the sender if it asked, then tells `onOutcome`. */
  function reportRefusal(
    event: MessageEvent,
    receivedAt: number,
    reason: CrmRejectReason,
    type: KnownType | undefined,
    tabId: string | undefined,
    replyTo: AnswerAddress | undefined,
  ): void {
    const rejection: CrmRejection = { reason, origin: readOrigin(event) }
    if (type) rejection.type = type
    if (tabId !== undefined) rejection.tabId = tabId
    deps.reject(rejection)
    const answer = replyTo ? postAnswer(replyTo, reason) : undefined
    outcomes.settledOnArrival({ ...rejection, receivedAt }, reason, answer)
  }

  /** Dispatches an accepted request; the listener middleware settles it and the answer it is owed. */
  function dispatch(type: CrmMessageType, action: RequestAction, replyTo?: AnswerAddress): void {
    if (replyTo) answers.expect(action.meta.requestId, replyTo)
    outcomes.accepted(type, action.meta)
    store.dispatch(action)
    stats.accept()
  }

  return (event) => {
    const receivedAt = Date.now()
    let verdict: Verdict | undefined
    try {
      verdict = judge(event)
      switch (verdict.kind) {
        case 'ignored':
          return stats.ignore()
        case 'refused': {
          const { reason, type, tabId, replyTo } = verdict
          return reportRefusal(event, receivedAt, reason, type, tabId, replyTo)
        }
        case 'hello': {
          const { tabId, source, origin } = verdict
          const greeted = postHello(store, tabId, source, origin)
          const arrival = { type: 'CRM_HELLO' as const, origin, tabId, receivedAt }
          return outcomes.settledOnArrival(arrival, undefined, greeted ? HELLO : undefined)
        }
        case 'accepted':
          return dispatch(verdict.type, verdict.action, verdict.replyTo)
      }
    } catch (error) {
      // Only the host's own code can throw here: a reducer, middleware or subscriber of its store
      // that failed on our action. The sender is told, if it asked for an answer.
      deps.report(error, 'store')
      const accepted = verdict?.kind === 'accepted' ? verdict : undefined
      if (accepted) {
        const { requestId, tabId } = accepted.action.meta
        deps.reject({
          reason: 'internal-error',
          type: accepted.type,
          origin: readOrigin(event),
          tabId,
        })
        outcomes.settle(requestId, 'internal-error')
      } else reportRefusal(event, receivedAt, 'internal-error', undefined, undefined, undefined)
    }
  }
}
