import type { CrmRejectReason } from '../protocol/types.js'

/**
 * Why a client request did not succeed: UCP's reason code, or one of the client's own —
 * `timeout` (no answer in time), `destroyed` (the client was destroyed first), `no-parent` (the
 * page is not in a frame).
 */
export type CrmClientErrorCode = CrmRejectReason | 'timeout' | 'destroyed' | 'no-parent'

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
  readonly code: CrmClientErrorCode

  constructor(code: CrmClientErrorCode, message: string = code) {
    super(message)
    this.code = code
  }
}
