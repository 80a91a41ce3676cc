import type { CrmRejectReason } from '../protocol/types.js'

/**
 * Why a client call did not succeed: UCP's reason code, or one of the client's own —
 * `timeout` (no answer in time), `destroyed` (the client was destroyed first), `no-parent` (the
 * page is not in a frame, or runs on a server), `invalid-option` (an option or a per-call timeout
 * is not valid), `post-failed` (the browser refused to post the message, such as a destination it
 * cannot copy), `parent-origin-mismatch` (`ready` only, in development builds: hellos came from
 * the parent window at an origin that is not in `parentOrigin`).
 */
export type CrmClientErrorCode =
  | CrmRejectReason
  | 'timeout'
  | 'destroyed'
  | 'no-parent'
  | 'invalid-option'
  | 'post-failed'
  | 'parent-origin-mismatch'

/**
 * The one error class of `ucp-crm-bridge/client`.
 *
 * @example
 * try {
 *   await crm.makeCall('+1 (555) 123-4567')
 * } catch (error) {
 *   if (error instanceof CrmClientError && error.code === 'timeout') showRetry()
 * }
 */
export class CrmClientError extends Error {
  override readonly name = 'CrmClientError'
  declare readonly code: CrmClientErrorCode

  constructor(code: CrmClientErrorCode, message: string = code) {
    super(message)
    this.code = code
  }
}
