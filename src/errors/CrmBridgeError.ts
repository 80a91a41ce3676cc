/**
 * Why the package refused a call made by the host's own code (never by a CRM frame: messages from
 * frames are rejected with a {@link CrmRejectReason}, not thrown).
 */
export type CrmBridgeErrorCode =
  'invalid-option' | 'frame-already-registered' | 'invalid-frame' | 'no-window'

/**
 * The one error class of the package, with a string code to branch on.
 *
 * @example
 * try {
 *   createCrmBridge({ telephony: undefined as never })
 * } catch (error) {
 *   if (error instanceof CrmBridgeError && error.code === 'invalid-option') console.error(error.message)
 * }
 */
export class CrmBridgeError extends Error {
  override readonly name = 'CrmBridgeError'
  readonly code: CrmBridgeErrorCode

  constructor(code: CrmBridgeErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
