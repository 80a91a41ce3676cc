import type { CrmRejectReason } from '../protocol/types.js'
import type {
  CrmMessageActionCreator,
  crmCloseRequested,
  crmMakeCallRequested,
} from './requestActions.js'

// What the gate tells the listener layer about each message: a verdict, with where an answer may go.
// The gate decides; it never posts, dispatches or reports (the request's owner does all three).

/** A tab frame's window at the origin a message came from: where anything for that page goes. */
export interface PageAddress {
  source: MessageEventSource
  origin: string
  tabId: string
}

/** Where the one answer to a request goes: its page, its type and the page's own request id. */
export interface AnswerAddress extends PageAddress {
  /** The message type; the answer's type is `resultTypeOf(type)`. */
  type: string
  /** The message's own `requestId`. */
  clientRequestId: string
}

export type RequestAction =
  | ReturnType<typeof crmCloseRequested>
  | ReturnType<typeof crmMakeCallRequested>
  | ReturnType<CrmMessageActionCreator>

/** A message refused before anything was dispatched, with what is known of it. */
export interface Refusal {
  kind: 'refused'
  reason: CrmRejectReason
  /** The message type, for the protocol's types and for an unknown type a tab's frame sent. */
  type?: string
  origin: string
  tabId?: string
  /** Set when the sender asked for an answer and may be answered. */
  replyTo?: AnswerAddress
  /** What exactly was wrong, in the package's words: never the message's data. */
  detail?: string
  /** What the host's code threw while the gate judged: its store (an `internal-error`) or `parse`. */
  error?: unknown
  /** Whose code threw `error`, if it is there. */
  raisedBy: 'store' | 'parse'
}

/** What became of a message at the gate. */
export type Verdict =
  | { kind: 'ignored' }
  | Refusal
  | { kind: 'hello'; to: PageAddress }
  | { kind: 'accepted'; type: string; action: RequestAction; replyTo?: AnswerAddress }

export const IGNORED: Verdict = { kind: 'ignored' }
