import {
  CRM_PROTOCOL_VERSION,
  type CrmPostedAnswer,
  type CrmRejectReason,
  type UcpResultMessage,
} from '../protocol/types.js'
import { resultTypeOf } from '../protocol/rules.js'
import { post } from './post.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

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
  'opaque-origin': 'an opaque origin cannot be answered',
  'unknown-type': 'unknown message type',
  'unsupported-version': 'this host speaks an older protocol version',
  'invalid-message': 'malformed message',
  'invalid-destination': 'no dialable destination',
  duplicate: 'duplicate request',
  'rate-limited': 'too many calls from this tab',
  'unknown-tab': 'no open tab has this id',
  'not-permitted': 'not permitted',
  'dial-failed': 'the call could not be placed',
  'internal-error': 'the host failed to handle the message',
  unavailable: 'UCP stopped before carrying out the request',
  'not-granted': 'this origin may not send this message type',
  failed: 'the request failed',
}

/**
 * Posts one answer, to the sender's origin only: success without a reason. Returns what was
 * posted, or `undefined` when nothing could be.
 */
export function postAnswer(
  to: AnswerAddress,
  reason?: CrmRejectReason,
): CrmPostedAnswer | undefined {
  const base = {
    type: resultTypeOf(to.type),
    requestId: to.clientRequestId,
    version: CRM_PROTOCOL_VERSION,
  }
  const answer: UcpResultMessage =
    reason === undefined
      ? { ...base, ok: true }
      : {
          ...base,
          ok: false,
          error: {
            code: reason,
            message: process.env.NODE_ENV !== 'production' ? MESSAGES[reason] : reason,
          },
        }
  if (!post(to.source, answer, to.origin)) return undefined
  return reason === undefined ? { type: answer.type } : { type: answer.type, code: reason }
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
    /** Sends the answer owed for `requestId`, if any: success without a reason. Returns what was posted. */
    settle(requestId: string, reason?: CrmRejectReason): CrmPostedAnswer | undefined {
      const address = owed.get(requestId)
      if (!address) return undefined
      owed.delete(requestId)
      return postAnswer(address, reason)
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
