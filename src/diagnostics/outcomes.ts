import type { CrmMessageType, CrmRejectReason } from '../protocol/types.js'
import type { CrmPostedAnswer } from '../protocol/types.js'
import type { CrmRequestMeta } from '../requests/types.js'
import type { ReportError } from './onError.js'

export type { CrmPostedAnswer }

/**
 * What became of one protocol message, for an inspector or a dashboard: plain data that never
 * holds the message's payload, so never a phone number. A message that became an action is joined
 * to it, and to the call history, by `requestId`.
 *
 * @example
 * // A MAKE_CALL with a requestId, dialled and answered 1.5 s later:
 * {
 *   type: 'MAKE_CALL',
 *   origin: 'https://crm.example.com',
 *   tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
 *   requestId: '9b2f8c1e-4f5a-4d7b-8c9d-0e1f2a3b4c5d',
 *   answer: { type: 'MAKE_CALL_RESULT' },
 *   receivedAt: 1764086400000,
 *   settledAt: 1764086401500,
 * }
 */
export interface CrmMessageOutcome {
  /** The message type, when it is one of the protocol's. */
  type?: CrmMessageType | 'CRM_HELLO'
  /** `event.origin` of the message. */
  origin: string
  /** The sender's tab, when it was resolved. */
  tabId?: string
  /** `meta.requestId` of the action the message became; absent when it was refused on arrival. */
  requestId?: string
  /** Why it was refused or failed; absent when it was carried out (closed, dialled, greeted). */
  reason?: CrmRejectReason
  /** What UCP posted back to the frame, if anything. */
  answer?: CrmPostedAnswer
  /** `Date.now()` when the message arrived. */
  receivedAt: number
  /** `Date.now()` when its outcome was known: at once, or when the close or the dial ended. */
  settledAt: number
}

/** Told of every protocol message's outcome, once. */
export type CrmOutcomeListener = (outcome: CrmMessageOutcome) => void

type Arrival = Omit<CrmMessageOutcome, 'reason' | 'answer' | 'settledAt'>

/** The outcome without the keys that have no value, so that it stays plain JSON data. */
function outcomeOf(
  arrival: Arrival,
  reason: CrmRejectReason | undefined,
  answer: CrmPostedAnswer | undefined,
): CrmMessageOutcome {
  const outcome: CrmMessageOutcome = { ...arrival, settledAt: Date.now() }
  if (reason !== undefined) outcome.reason = reason
  if (answer !== undefined) outcome.answer = answer
  return outcome
}

/**
 * Settles requests: posts the answer owed, if any, and tells `onOutcome`. Accepted requests are
 * remembered between their action and their outcome only when there is an `onOutcome` to tell.
 */
export function createOutcomes(
  /** Posts the answer owed for a request, if any, and says what was posted. */
  settleAnswer: (requestId: string, reason?: CrmRejectReason) => CrmPostedAnswer | undefined,
  onOutcome: CrmOutcomeListener | undefined,
  report: ReportError,
) {
  const pending = new Map<string, Arrival>()

  function emit(outcome: CrmMessageOutcome): void {
    try {
      onOutcome?.(outcome)
    } catch (error) {
      report(error, 'onOutcome')
    }
  }

  return {
    /** A message refused or answered on arrival, with what was posted back. */
    settledOnArrival(
      arrival: Omit<Arrival, 'requestId'>,
      reason?: CrmRejectReason,
      answer?: CrmPostedAnswer,
    ): void {
      if (onOutcome) emit(outcomeOf(arrival, reason, answer))
    },
    /** A message that became an action: its outcome comes with {@link settle}. */
    accepted(type: CrmMessageType, meta: CrmRequestMeta): void {
      if (!onOutcome) return
      const { origin, tabId, requestId, receivedAt } = meta
      pending.set(requestId, { type, origin, tabId, requestId, receivedAt })
    },
    /** The outcome of an accepted request: posts the answer owed, if any, and reports it. */
    settle(requestId: string, reason?: CrmRejectReason): void {
      const answer = settleAnswer(requestId, reason)
      const arrival = pending.get(requestId)
      if (!arrival) return
      pending.delete(requestId)
      emit(outcomeOf(arrival, reason, answer))
    },
    clear(): void {
      pending.clear()
    },
  }
}

export type Outcomes = ReturnType<typeof createOutcomes>
