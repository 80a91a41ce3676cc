import { redactPhoneNumbers } from './redactPhoneNumbers.js'

declare const process: { env: { NODE_ENV?: string } }

/**
 * Which of the host's callbacks threw: one of the bridge's options by name (`'telephony.dial'` only
 * when it throws synchronously: a rejected dial is the call's outcome, not a bug), and `'store'`
 * for a reducer, middleware or subscriber of the host's store that threw while the bridge
 * dispatched one of its actions.
 */
export type CrmErrorRaisedBy =
  | 'canClose'
  | 'onRejected'
  | 'onOutcome'
  | 'allowedOrigins'
  | 'normalizeDestination'
  | 'logger'
  | 'telephony.dial'
  | 'store'
  /** A custom message type's `parse`: the message is refused as `invalid-message`. */
  | 'parse'
  /** A custom message type's `handle`: the request is answered `failed`. */
  | 'handle'
  /** The `grants` predicate: the message is refused as `not-granted`. */
  | 'grants'

/** What `onError` is told besides the error. */
export interface CrmErrorInfo {
  raisedBy: CrmErrorRaisedBy
}

/**
 * Receives every error thrown by a host callback, as Redux Toolkit's listener middleware does with
 * its `onError`. The error is passed as it was thrown: if your own callbacks can put a phone number
 * in an error's message, scrub it before sending it anywhere.
 *
 * @example
 * createCrmBridge({
 *   telephony,
 *   onError: (error, { raisedBy }) => Sentry.captureException(error, { tags: { raisedBy } }),
 * })
 */
export type CrmErrorHandler = (error: unknown, info: CrmErrorInfo) => void

/** How the package's parts hand an error to `onError`. */
export type ReportError = (error: unknown, raisedBy: CrmErrorRaisedBy) => void

/** An error as text, with its stack when it has one, for the console. Never throws. */
function describeError(error: unknown): string {
  try {
    const head = String(error)
    const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : ''
    // V8 starts the stack with `Name: message`; Firefox and WebKit give the frames only.
    if (stack === '') return head
    return stack.startsWith(head) ? stack : `${head}\n${stack}`
  } catch {
    return 'an error that cannot be shown as text'
  }
}

/**
 * The default `onError` of development builds: one console line with the error and its stack,
 * phone numbers redacted as in the warnings. A host that wants the error object itself passes its
 * own `onError`.
 */
export const logErrorToConsole: CrmErrorHandler = (error, { raisedBy }) => {
  console.error(`[ucp-crm-bridge] ${raisedBy} threw: ${redactPhoneNumbers(describeError(error))}`)
}

/**
 * Makes the function every catch site calls. Without `onError`, development builds write to the
 * console and production builds stay silent. An `onError` that throws itself is kept out of the
 * way of message handling, and rethrown on a timer so that it still reaches `window.onerror`.
 */
export function createErrorReporter(onError: CrmErrorHandler | undefined): ReportError {
  const handler = onError ?? (process.env.NODE_ENV !== 'production' ? logErrorToConsole : undefined)
  return (error, raisedBy) => {
    if (!handler) return
    try {
      handler(error, { raisedBy })
    } catch (handlerError) {
      setTimeout(() => {
        throw handlerError
      }, 0)
    }
  }
}
