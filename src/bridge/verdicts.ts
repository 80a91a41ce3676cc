import type { CrmCloseRequestPayload, CrmMessageType, CrmRejectReason } from '../requests/types.js'
import type { crmCloseRequested, crmMakeCallRequested } from '../requests/requestActions.js'
import type { AnswerAddress } from '../replies/answers.js'
import type { CrmNormalizedDestination } from './normalizeDestination.js'
import type { KnownType } from './parseMessage.js'

// What the message handler's steps tell each other: a message as it arrived, a request parsed, and
// the verdict that ends each message, short of dispatching.

export type RequestAction =
  ReturnType<typeof crmCloseRequested> | ReturnType<typeof crmMakeCallRequested>

/** What became of a message before anything was dispatched. `type` is set for the protocol's types. */
export type Verdict =
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

export const IGNORED: Verdict = { kind: 'ignored' }
export const HELLO = { type: 'UCP_HELLO' } as const

/** A message with a protocol-shaped `type`, as it arrived. */
export interface Arrival {
  event: MessageEvent
  type: string
  /** The type, when it is one the bridge acts on. */
  known: KnownType | undefined
  origin: string
}

/** A request from a tab's frame, parsed: what is left is to limit it. */
export type ParsedRequest = (
  | { type: 'CLOSE_CRM_TAB'; payload: CrmCloseRequestPayload }
  | { type: 'MAKE_CALL'; payload: CrmNormalizedDestination }
) & { clientRequestId: string | undefined; replyTo: AnswerAddress | undefined }

/**
 * A refusal worth a word: a message of the protocol's types, or a type unknown to UCP from a tab's
 * frame (a typo in the CRM page). Anything else is other scripts' traffic, ignored.
 */
export function refusal(
  arrival: Arrival,
  reason: CrmRejectReason,
  tabId?: string,
  replyTo?: AnswerAddress,
): Verdict {
  const { known } = arrival
  return known || (reason === 'unknown-type' && tabId !== undefined)
    ? { kind: 'refused', reason, type: known, tabId, replyTo }
    : IGNORED
}

/**
 * A refusal of a sender that is not a tab's frame at an allowed origin. Its hello request is
 * ignored without a word: asking changes nothing, and a client asks several times (from a
 * sandboxed frame, say, or a page on another origin).
 */
export function stranger(arrival: Arrival, reason: CrmRejectReason, tabId?: string): Verdict {
  return arrival.known === 'CRM_HELLO' ? IGNORED : refusal(arrival, reason, tabId)
}
