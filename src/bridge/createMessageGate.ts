import type { CrmTabsRootState } from '../crmTabs/selectors.js'
import type { CrmTab } from '../crmTabs/types.js'
import { NOT_DATA, ownValue } from '../protocol/guards.js'
import { CRM_PROTOCOL_VERSION, type CrmRejectReason } from '../protocol/types.js'
import { redactPhoneNumbers } from '../redactPhoneNumbers.js'
import type { CrmFrameRegistry } from './createFrameRegistry.js'
import type { Limited, Limits } from './limits.js'
import type { CrmDestinationNormalizer } from './normalizeDestination.js'
import type { OriginPolicy } from './originPolicy.js'
import { parseCloseTab, parseMakeCall, parseRequestFields, peekType } from './parseMessage.js'
import {
  crmCloseRequested,
  crmMakeCallRequested,
  type CrmMessageActionCreator,
} from './requestActions.js'
import type { RequestIds } from './requestIds.js'
import { resolveSender } from './resolveSender.js'
import {
  IGNORED,
  type AnswerAddress,
  type Refusal,
  type RequestAction,
  type Verdict,
} from './verdicts.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** A custom message type, as the gate needs it. */
export interface GateMessage {
  parse: (payload: unknown) => unknown
  perMinute: number
  action: CrmMessageActionCreator
}

/** What the gate needs to judge a message; made by `start()` for its store and window. */
export interface MessageGateDeps {
  /** Goes into each request's meta, so that only this bridge's listeners act on it. */
  bridgeId: string
  getState: () => CrmTabsRootState
  view: Window
  registry: CrmFrameRegistry
  /** The spec's fallback container of tab iframes; `undefined` for none. */
  frameContainer: string | undefined
  policy: OriginPolicy
  normalizeDestination: CrmDestinationNormalizer
  requestIds: RequestIds
  limits: Limits
  maxCallsPerMinute: number
  /** The host's own message types, by name. */
  messages: ReadonlyMap<string, GateMessage>
}

const BUILT_IN = new Set(['CLOSE_CRM_TAB', 'MAKE_CALL', 'CRM_HELLO'])

/** An unknown type, as a detail may quote it: short, and with anything like a number redacted. */
const quoted = (type: string) => `unknown type '${redactPhoneNumbers(type).slice(0, 64)}'`

/**
 * Makes the gate every message passes, in the order penpal taught: the sender (source, then
 * origin), what the origin may send, the shape, then the limits (repeated request ids, double
 * dials, floods). It decides only: what it returns is acted on by the request's owner. It never
 * throws: what the host's state or `parse` throws at it becomes a refusal carrying the error.
 */
export function createMessageGate(deps: MessageGateDeps) {
  const { bridgeId, messages } = deps

  return function judge(event: MessageEvent): Verdict {
    const type = peekType(event.data)
    // Data that is not protocol-shaped (no short string `type`) is other scripts' traffic.
    if (type === undefined) return IGNORED
    // A built-in name is never a custom type, in any build: its own checks and limits apply.
    const custom = BUILT_IN.has(type) || type.startsWith('UCP_') ? undefined : messages.get(type)

    const known = !!custom || BUILT_IN.has(type)
    const origin = typeof event.origin === 'string' ? event.origin : ''
    let tab: CrmTab | undefined
    let replyTo: AnswerAddress | undefined
    let raisedBy: Refusal['raisedBy'] = 'store'

    /** A refusal worth a word: of a type UCP knows, or of an unknown type a tab's frame sent. */
    const refuse = (reason: CrmRejectReason, detail?: string, error?: unknown): Verdict => {
      if (!known && !(tab && reason === 'unknown-type') && reason !== 'internal-error') {
        return IGNORED
      }
      return {
        kind: 'refused',
        reason,
        origin,
        type: known ? type : undefined,
        tabId: tab?.id,
        replyTo,
        detail,
        error,
        raisedBy,
      }
    }

    try {
      // 1. The sender: the open tab whose frame posted the message, at an origin allowed for it.
      // Anything but the protocol's types only gets the registry's look-up, never the DOM scan.
      const container = known ? deps.frameContainer : undefined
      const state = deps.getState()
      const sender = resolveSender(event.source, state, deps.registry, deps.view, container)
      // A stranger's hello request is ignored without a word: asking changes nothing, and a
      // client asks several times (from a sandboxed frame, say, or a page on another origin).
      if (!sender.ok) return type === 'CRM_HELLO' ? IGNORED : refuse(sender.reason)
      if (!deps.policy.isAllowed(origin, sender.tab)) {
        if (type === 'CRM_HELLO') return IGNORED
        tab = sender.tab
        return refuse('origin-not-allowed')
      }
      tab = sender.tab
      const source = event.source!

      // 2. What this origin may send, then the shape: the request's own fields, then its payload.
      const data = event.data as Record<string, unknown>
      const fields = parseRequestFields(data)
      const { clientRequestId } = fields
      // An opaque origin ('null': a sandboxed frame) could be answered only through '*', which UCP
      // never uses: a request that asks for an answer is refused before anything is done.
      if (origin === 'null' && clientRequestId !== undefined) return refuse('opaque-origin')
      if (clientRequestId !== undefined) {
        replyTo = { source, origin, tabId: tab.id, type, clientRequestId }
      }
      if (!known) {
        return refuse(
          'unknown-type',
          process.env.NODE_ENV !== 'production' ? quoted(type) : undefined,
        )
      }
      if (type !== 'CRM_HELLO' && !deps.policy.mayUse(origin, type, tab))
        return refuse('not-granted')
      if (!fields.ok) return refuse('invalid-message', fields.detail)
      if (fields.version > CRM_PROTOCOL_VERSION) {
        const newer =
          process.env.NODE_ENV !== 'production'
            ? `version ${fields.version} is newer than ${CRM_PROTOCOL_VERSION}`
            : undefined
        return refuse('unsupported-version', newer)
      }
      if (type === 'CRM_HELLO') return { kind: 'hello', to: { source, origin, tabId: tab.id } }
      const from = { origin, tabId: tab.id, clientRequestId, bridgeId }
      /** `action`, accepted if its request id is new and `limit` (the tab's, if any) lets it pass. */
      const accepted = (action: RequestAction, limit?: () => Limited): Verdict => {
        // 3. The limits, before anything reaches the store or the softphone.
        if (clientRequestId !== undefined && deps.requestIds.isRepeat(tab!.id, clientRequestId)) {
          const repeated =
            process.env.NODE_ENV !== 'production' ? 'requestId used before by this page' : undefined
          return refuse('duplicate', repeated)
        }
        const limited = limit?.()
        return limited
          ? refuse(limited.reason, limited.detail)
          : { kind: 'accepted', type, action, replyTo }
      }
      if (type === 'CLOSE_CRM_TAB') {
        const parsed = parseCloseTab(data)
        if (!parsed.ok) return refuse(parsed.reason, parsed.detail)
        return accepted(crmCloseRequested(parsed.payload, from))
      }
      if (custom) {
        const payload = ownValue(data, 'payload')
        raisedBy = 'parse'
        const value = payload === NOT_DATA ? undefined : custom.parse(payload)
        raisedBy = 'store'
        if (value === undefined) {
          const detail =
            process.env.NODE_ENV !== 'production' ? `parse refused the ${type} payload` : undefined
          return refuse('invalid-message', detail)
        }
        const { perMinute } = custom
        return accepted(custom.action(value, from), () =>
          deps.limits.count(tab!.id, type, perMinute, Date.now()),
        )
      }
      const parsed = parseMakeCall(data, deps.normalizeDestination)
      if (!parsed.ok) return refuse(parsed.reason, parsed.detail)
      // Two extensions behind one number are two people: a destination never holds an `x`.
      const { destination, extension } = parsed.payload
      const dialled = extension === undefined ? destination : `${destination}x${extension}`
      return accepted(crmMakeCallRequested(parsed.payload, from), () =>
        deps.limits.dial(tab!.id, dialled, deps.maxCallsPerMinute, Date.now()),
      )
    } catch (error) {
      // Only the host's code can throw here: its store (its state, read through our selectors), or
      // a custom type's `parse`, which refuses its message.
      return raisedBy === 'parse'
        ? refuse('invalid-message', undefined, error)
        : refuse(
            'internal-error',
            process.env.NODE_ENV !== 'production' ? 'the host store threw' : undefined,
            error,
          )
    }
  }
}

export type MessageGate = ReturnType<typeof createMessageGate>
