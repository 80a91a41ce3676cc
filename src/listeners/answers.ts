import type { AnswerAddress, PageAddress } from '../bridge/verdicts.js'
import type { CrmCallRequest } from '../crmCalls/types.js'
import { definedOnly } from '../definedOnly.js'
import { resultTypeOf } from '../protocol/rules.js'
import {
  CRM_PROTOCOL_VERSION,
  type CrmPostedAnswer,
  type CrmRejectReason,
  type UcpCallStatusMessage,
  type UcpHelloCall,
  type UcpHelloMessage,
  type UcpResultMessage,
  type UcpToCrmMessage,
} from '../protocol/types.js'

// The one module that posts to CRM frames: answers, hellos and call status. Everything goes to the
// page's window at the origin it spoke from, never '*'.

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

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
  'rate-limited': 'too many requests from this tab',
  'unknown-tab': 'no open tab has this id',
  'not-permitted': 'not permitted',
  'dial-failed': 'the call could not be placed',
  'internal-error': 'the host failed to handle the message',
  unavailable: 'UCP stopped before carrying out the request',
  'not-granted': 'this origin may not send this message type',
  failed: 'the request failed',
}

/**
 * Posts one message to a page, for its origin only: nothing to an opaque origin (`'null'`), which
 * could only be reached with `'*'`. It never throws: the frame's window may have closed or
 * navigated away. `true` if the message was handed to the browser.
 */
function post(to: PageAddress, message: UcpToCrmMessage): boolean {
  if (to.origin === 'null' || to.origin === '') return false
  try {
    ;(to.source as Window).postMessage(message, to.origin)
    return true
  } catch {
    // The window is gone: there is no one to tell. No host code runs here, so nothing to report.
    return false
  }
}

/**
 * Posts a request's one answer: success (with its result, if any) without a reason. Returns what
 * was posted, or `undefined` when nothing could be.
 */
export function postAnswer(
  to: AnswerAddress,
  reason?: CrmRejectReason,
  result?: unknown,
): CrmPostedAnswer | undefined {
  const type = resultTypeOf(to.type)
  const error = reason && {
    code: reason,
    message: process.env.NODE_ENV !== 'production' ? MESSAGES[reason] : reason,
  }
  const answer = definedOnly({
    type,
    requestId: to.clientRequestId,
    version: CRM_PROTOCOL_VERSION,
    ok: !error,
    result,
    error,
  }) as UcpResultMessage
  return post(to, answer) ? definedOnly({ type, code: reason }) : undefined
}

/**
 * Answers a tab frame's `CRM_HELLO`, with the tab's calls that have not ended and the types its
 * origin may send. `true` if the hello was posted.
 */
export function postHello(to: PageAddress, calls: UcpHelloCall[], types: string[]): boolean {
  const hello: UcpHelloMessage = {
    type: 'UCP_HELLO',
    version: CRM_PROTOCOL_VERSION,
    tabId: to.tabId,
    calls,
    types,
  }
  return post(to, hello)
}

/**
 * Tells a page a call's new status (`ringing`, `connected`, `ended`): with `ended`, its talk time
 * and how it ended. A call that `failed` is told as ended, reason `failed`, no talk time.
 */
export function postCallStatus(to: PageAddress, requestId: string, call: CrmCallRequest): void {
  const failed = call.status === 'failed'
  const message: UcpCallStatusMessage = {
    type: 'UCP_CALL_STATUS',
    version: CRM_PROTOCOL_VERSION,
    requestId,
    status: failed ? 'ended' : (call.status as UcpCallStatusMessage['status']),
    at: call[`${call.status as 'ringing' | 'connected' | 'ended' | 'failed'}At`]!,
  }
  if (message.status === 'ended') {
    message.durationMs = call.durationMs ?? 0
    message.reason = call.endReason ?? 'failed'
  }
  post(to, message)
}
