import type { UnknownAction } from '@reduxjs/toolkit'
import type { AnswerAddress, PageAddress, Refusal, Verdict } from '../bridge/verdicts.js'
import { definedOnly } from '../definedOnly.js'
import type { ReportError } from '../onError.js'
import type { CrmRejectReason } from '../protocol/types.js'
import { postAnswer } from './answers.js'
import type { CrmBridgeStats } from './stats.js'
import type {
  CrmMessageOutcome,
  CrmOutcomeListener,
  CrmPostedAnswer,
  CrmRejection,
} from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

export interface RequestOwnerDeps {
  report: ReportError
  onRejected: ((rejection: CrmRejection) => void) | undefined
  onOutcome: CrmOutcomeListener | undefined
  /** Development warnings, rate-limited; `undefined` in production builds or with `logger: false`. */
  warn: ((key: string, text: string) => void) | undefined
  /** Posts the hello a page asked for; `true` if it was posted. */
  greet: (to: PageAddress) => boolean
}

type Arrival = Omit<CrmMessageOutcome, 'reason' | 'detail' | 'answer' | 'settledAt'>

/** A request accepted and not yet settled. */
interface Owed {
  arrival: Arrival & { requestId: string }
  /** Where its answer goes; gone when the page that asked is gone (reloaded, navigated, closed). */
  replyTo: AnswerAddress | undefined
  /** Made when its work first asks for a signal: aborted by its deadline or by `destroy()`. */
  controller?: AbortController
  deadline?: ReturnType<typeof setTimeout>
}

// Failures that are outcomes the page hears of, not messages UCP turned down: no warning for them.
const QUIET: ReadonlySet<CrmRejectReason> = new Set(['dial-failed', 'unavailable'])

/**
 * The one owner of every message's outcome. A message refused at the gate is settled at once; an
 * accepted request is recorded with where its answer goes, a signal and a deadline, and settled
 * exactly once, after its effect: `settle` posts the answer and tells the stats, `onRejected`, the
 * development warning and `onOutcome`, together. Nothing else posts an answer.
 */
export function createRequestOwner(deps: RequestOwnerDeps) {
  const { report } = deps
  const owed = new Map<string, Owed>()
  let accepted = 0
  let ignored = 0
  const rejected: CrmBridgeStats['rejected'] = {}

  function tell(
    arrival: Arrival,
    reason?: CrmRejectReason,
    detail?: string,
    answer?: CrmPostedAnswer,
  ) {
    if (reason !== undefined) {
      rejected[reason] = (rejected[reason] ?? 0) + 1
      const { type, origin, tabId } = arrival
      const rejection: CrmRejection = definedOnly({ reason, origin, type, tabId, detail })
      if (process.env.NODE_ENV !== 'production' && deps.warn && !QUIET.has(reason)) {
        const what = `${type ?? 'message'} from ${origin || 'an unknown origin'}`
        deps.warn(reason, `rejected ${what}: ${reason}${detail ? ` (${detail})` : ''}`)
      }
      try {
        deps.onRejected?.(rejection)
      } catch (error) {
        report(error, 'onRejected')
      }
    }
    if (!deps.onOutcome) return
    const settledAt = Date.now()
    const outcome = definedOnly({ ...arrival, settledAt, reason, detail, answer })
    try {
      deps.onOutcome(outcome)
    } catch (error) {
      report(error, 'onOutcome')
    }
  }

  function refuse(refusal: Refusal, receivedAt: number): void {
    if (refusal.error !== undefined) report(refusal.error, refusal.raisedBy)
    const { reason, type, origin, tabId, replyTo, detail } = refusal
    tell(
      { origin, receivedAt, type, tabId },
      reason,
      detail,
      replyTo && postAnswer(replyTo, reason),
    )
  }

  function greet(to: PageAddress, receivedAt: number): void {
    const arrival = { type: 'CRM_HELLO', origin: to.origin, tabId: to.tabId, receivedAt }
    tell(arrival, undefined, undefined, deps.greet(to) ? { type: 'UCP_HELLO' } : undefined)
  }

  /**
   * Settles an accepted request, once: `undefined` for done (with a custom type's result), else
   * why not. `false` if it was settled before (by its deadline, by `destroy()`), so that the caller
   * knows it came too late.
   */
  function settle(
    requestId: string,
    reason?: CrmRejectReason,
    detail?: string,
    result?: unknown,
  ): boolean {
    const request = owed.get(requestId)
    if (!request) return false
    owed.delete(requestId)
    clearTimeout(request.deadline)
    const answer = request.replyTo && postAnswer(request.replyTo, reason, result)
    tell(request.arrival, reason, detail, answer)
    return true
  }

  /** Records an accepted request, then dispatches its action; a store that throws fails it. */
  function take(
    verdict: Extract<Verdict, { kind: 'accepted' }>,
    receivedAt: number,
    dispatch: (action: UnknownAction) => unknown,
  ): void {
    const { action, type, replyTo } = verdict
    const { requestId, origin, tabId } = action.meta
    owed.set(requestId, { arrival: { type, origin, tabId, requestId, receivedAt }, replyTo })
    accepted++
    try {
      dispatch(action)
    } catch (error) {
      storeThrew(requestId, error)
    }
  }

  /** The host's store threw while the request was carried out: reported, and the request failed. */
  function storeThrew(requestId: string, error: unknown): void {
    report(error, 'store')
    settle(
      requestId,
      'internal-error',
      process.env.NODE_ENV !== 'production' ? 'the host store threw' : undefined,
    )
  }

  return {
    /** Acts on what the gate decided about one message. */
    handle(verdict: Verdict, receivedAt: number, dispatch: (action: UnknownAction) => unknown) {
      if (verdict.kind === 'ignored') ignored++
      else if (verdict.kind === 'refused') refuse(verdict, receivedAt)
      else if (verdict.kind === 'hello') greet(verdict.to, receivedAt)
      else take(verdict, receivedAt, dispatch)
    },
    settle,
    storeThrew,
    /** Whether `requestId` is still owed its outcome. */
    isOwed: (requestId: string) => owed.has(requestId),
    /**
     * The request's signal, aborted when its deadline of `ms` passes (with `timeoutReason`) or the
     * bridge is destroyed. `undefined` once the request is settled.
     */
    signalOf(requestId: string, ms: number, timeoutReason: () => unknown): AbortSignal | undefined {
      const request = owed.get(requestId)
      if (!request) return undefined
      const controller = (request.controller ??= new AbortController())
      if (ms !== Infinity && request.deadline === undefined) {
        request.deadline = setTimeout(() => controller.abort(timeoutReason()), ms)
      }
      return controller.signal
    },
    /** The page of tab `tabId` is gone (reloaded, navigated, closed): nothing can reach it now. */
    forgetPage(tabId: string): void {
      for (const request of owed.values()) {
        if (request.replyTo?.tabId === tabId) request.replyTo = undefined
      }
    },
    /** `destroy()`: every request still owed is answered `unavailable`, and its work aborted. */
    settleAll(reason: CrmRejectReason, abortReason: unknown): void {
      for (const [requestId, request] of [...owed]) {
        settle(requestId, reason)
        request.controller?.abort(abortReason)
      }
    },
    getStats: (): CrmBridgeStats => ({ accepted, rejected: { ...rejected }, ignored }),
  }
}

export type RequestOwner = ReturnType<typeof createRequestOwner>
