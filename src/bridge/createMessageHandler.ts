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
import {
  HELLO,
  IGNORED,
  refusal,
  stranger,
  type Arrival,
  type ParsedRequest,
  type RequestAction,
  type Verdict,
} from './verdicts.js'

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

  /** Everything short of dispatching, in the order penpal taught: source, origin, shape, limits. */
  function judge(event: MessageEvent): Verdict {
    const type = peekType(event.data)
    if (type === undefined) return IGNORED
    const arrival: Arrival = {
      event,
      type,
      known: isKnownType(type) ? type : undefined,
      origin: readOrigin(event),
    }
    const sender = findSender(arrival)
    if ('kind' in sender) return sender
    const request = parse(arrival, sender)
    return 'kind' in request ? request : limit(arrival, sender, request)
  }

  /**
   * Step 1, the sender: the open tab whose frame posted the message, at an origin allowed for it.
   * From there on the sender may be answered. Anything but the protocol's types only gets the
   * registry's constant-time look-up, never the DOM scan.
   */
  function findSender(arrival: Arrival): CrmTab | Verdict {
    const { event, known, origin } = arrival
    const container = known && deps.frameContainer
    const sender = resolveSender(
      event.source,
      store.getState(),
      deps.registry,
      deps.view,
      container,
    )
    if (!sender.ok) return stranger(arrival, sender.reason)
    if (!deps.isOriginAllowed(origin, sender.tab)) {
      return stranger(arrival, 'origin-not-allowed', sender.tab.id)
    }
    return sender.tab
  }

  /** Step 2, the shape: the request's own fields and payload, with where its answer goes. */
  function parse(arrival: Arrival, tab: CrmTab): ParsedRequest | Verdict {
    const { event, type, known, origin } = arrival
    const data = event.data as Record<string, unknown>
    const fields = parseRequestFields(data)
    if (!fields) return refusal(arrival, 'invalid-message', tab.id)
    const { clientRequestId } = fields
    // An opaque origin ('null': a sandboxed frame) could be answered only through '*', which UCP
    // never uses. A request that asks for an answer is refused before anything is done, rather than
    // acted on and left unanswered for its page to time out and send again.
    if (origin === 'null' && clientRequestId !== undefined) {
      return refusal(arrival, 'opaque-origin', tab.id)
    }
    const source = event.source! // a tab frame's window: step 1 found it
    const replyTo: AnswerAddress | undefined =
      clientRequestId !== undefined
        ? { source, origin, type, clientRequestId, tabId: tab.id }
        : undefined
    const refuse = (reason: CrmRejectReason) => refusal(arrival, reason, tab.id, replyTo)
    if (!known) return refuse('unknown-type')
    if (fields.version === undefined) return refuse('invalid-message')
    if (fields.version > CRM_PROTOCOL_VERSION) return refuse('unsupported-version')
    if (known === 'CRM_HELLO') return { kind: 'hello', tabId: tab.id, source, origin }
    if (known === 'CLOSE_CRM_TAB') {
      const parsed = parseCloseTab(data)
      if (!parsed.ok) return refuse(parsed.reason)
      return { type: known, payload: parsed.payload, clientRequestId, replyTo }
    }
    const parsed = parseMakeCall(data, deps.normalizeDestination)
    if (!parsed.ok) return refuse(parsed.reason)
    return { type: known, payload: parsed.payload, clientRequestId, replyTo }
  }

  /**
   * Step 3, the limits: a request id used before, then, for calls, double dials and floods, all
   * before anything reaches the store or the softphone. What passes becomes the request's action.
   */
  function limit(arrival: Arrival, tab: CrmTab, request: ParsedRequest): Verdict {
    const { clientRequestId, replyTo } = request
    const refuse = (reason: CrmRejectReason) => refusal(arrival, reason, tab.id, replyTo)
    if (clientRequestId !== undefined && deps.requestIds.isRepeat(tab.id, clientRequestId)) {
      return refuse('duplicate')
    }
    const from = { origin: arrival.origin, tabId: tab.id, clientRequestId, bridgeId: deps.bridgeId }
    if (request.type === 'CLOSE_CRM_TAB') {
      const action = crmCloseRequested(request.payload, from)
      return { kind: 'accepted', type: request.type, action, replyTo }
    }
    // Two extensions behind one number are two people: a destination never holds an `x`.
    const { destination, extension } = request.payload
    const dialled = extension === undefined ? destination : `${destination}x${extension}`
    const limited = deps.callGuard.check(tab.id, dialled, Date.now())
    if (limited) return refuse(limited)
    const action = crmMakeCallRequested(request.payload, from)
    return { kind: 'accepted', type: request.type, action, replyTo }
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
