/**
 * Why the package refused a call made by the host's own code (never by a CRM frame: messages from
 * frames are rejected with a {@link CrmRejectReason}, not thrown).
 */
export type CrmBridgeErrorCode =
  | 'invalid-option'
  | 'frame-already-registered'
  | 'invalid-frame'
  | 'no-window'
  /** A tab URL that is not an absolute `http:` or `https:` URL (`crmTabOpened`). */
  | 'invalid-tab-url'
  /** `start()` on a window that another started bridge listens on. */
  | 'window-in-use'
  /**
   * `start()` after `destroy()`: a destroyed bridge stays destroyed. Also the reason a pending
   * dial's `signal` is aborted with by `destroy()`.
   */
  | 'destroyed'
  /** A React component of `ucp-crm-bridge/react` rendered outside `<CrmBridgeProvider>`. */
  | 'no-provider'
  /** `start(store)` with a store that has no middleware of this bridge. */
  | 'middleware-missing'
  /** `start(store)` when this bridge's middleware is in more than one store. */
  | 'middleware-reused'
  /** `start(store)` with a store whose state has no `crmTabs` or `crmCalls` (no `crmReducers`). */
  | 'reducers-missing'
  /** The reason a dial's `signal` is aborted with when `dialTimeout` passed; its call fails with it. */
  | 'dial-timeout'
  /** The reason a custom message's `signal` is aborted with when its `timeout` passed. */
  | 'handle-timeout'

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
  // Set by the constructor, after `name`, as a field would be; declared so that no field is emitted.
  declare readonly code: CrmBridgeErrorCode

  // Node may load both builds of the package (ESM for `import`, CommonJS for `require`): checking
  // the name makes `instanceof` hold across the two copies of this class.
  static override [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof Error && value.name === 'CrmBridgeError'
  }

  /** `message` says what to fix, in development builds; production builds leave it out (it is the code). */
  constructor(code: CrmBridgeErrorCode, message?: string) {
    super(message ?? code)
    this.code = code
  }
}

/**
 * Throws a {@link CrmBridgeError}. Each caller passes its text behind its own development check,
 * so that production builds drop the text.
 */
export function failWith(code: CrmBridgeErrorCode, text: string | undefined): never {
  throw new CrmBridgeError(code, text)
}
