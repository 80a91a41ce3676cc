import {
  CRM_PROTOCOL_VERSION,
  type CrmRejectReason,
  type UcpResultMessage,
} from '../protocol/types.js'
import { resultTypeOf } from '../protocol/rules.js'
import { post } from './post.js'

/** Where an answer goes: the sender's window and origin, and the request it answers. */
export interface AnswerAddress {
  source: MessageEventSource
  origin: string
  /** The message type; the answer's type is `resultTypeOf(type)`. */
  type: string
  /** The message's own `requestId`. */
  clientRequestId: string
  tabId: string
}

const MESSAGES: Record<CrmRejectReason, string> = {
  'unknown-source': 'the sender is not a CRM tab',
  'ambiguous-source': 'several tabs match the sender',
  'origin-not-allowed': 'origin not allowed',
  'unknown-type': 'unknown message type',
  'unsupported-version': `this host speaks protocol version ${CRM_PROTOCOL_VERSION}`,
  'invalid-message': 'malformed message',
  'invalid-destination': 'no dialable destination',
  duplicate: 'duplicate request',
  'rate-limited': 'too many calls from this tab',
  'unknown-tab': 'no open tab has this id',
  'not-permitted': 'not permitted',
  'dial-failed': 'the call could not be placed',
  'internal-error': 'the host failed to handle the message',
}

/** Posts one answer, to the sender's origin only: success without a reason. */
export function postAnswer(to: AnswerAddress, reason?: CrmRejectReason): void {
  const base = {
    type: resultTypeOf(to.type),
    requestId: to.clientRequestId,
    version: CRM_PROTOCOL_VERSION,
  }
  const answer: UcpResultMessage =
    reason === undefined
      ? { ...base, ok: true }
      : { ...base, ok: false, error: { code: reason, message: MESSAGES[reason] } }
  post(to.source, answer, to.origin)
}

/**
 * The answers still owed, keyed by the action's `meta.requestId`. Windows stay here, never in the
 * store. A tab's entries go when its frame reloads or the tab closes, so nothing leaks.
 */
export function createAnswers() {
  const owed = new Map<string, AnswerAddress>()

  return {
    expect(requestId: string, address: AnswerAddress): void {
      owed.set(requestId, address)
    },
    /** Sends the answer owed for `requestId`, if any: success without a reason. */
    settle(requestId: string, reason?: CrmRejectReason): void {
      const address = owed.get(requestId)
      if (!address) return
      owed.delete(requestId)
      postAnswer(address, reason)
    },
    forgetTab(tabId: string): void {
      for (const [requestId, address] of owed) if (address.tabId === tabId) owed.delete(requestId)
    },
    clear(): void {
      owed.clear()
    },
  }
}

export type Answers = ReturnType<typeof createAnswers>
