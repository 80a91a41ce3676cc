import { nearest } from './protocol/nearest.js'
import { CrmBridgeError } from './CrmBridgeError.js'
import type { CrmBridgeOptions } from './types.js'

// Development builds only: `createCrmBridge` calls `checkOptions` behind a development check, as
// Redux Toolkit keeps its own checks out of production, so production builds carry none of this.

const KNOWN_OPTIONS = [
  'telephony',
  'dialTimeout',
  'messages',
  'grants',

  'allowedOrigins',
  'canClose',
  'onRejected',
  'normalizeDestination',
  'frameContainer',
  'duplicateCallWindow',
  'maxCallsPerMinute',
  'logger',
  'onError',
  'onOutcome',
]

const invalid = (text: string): never => {
  throw new CrmBridgeError('invalid-option', text)
}

/**
 * Throws `invalid-option` for an option the bridge could not work with, before anything is made.
 * In development builds, warns once for each key it does not know (`onReject` for `onRejected`),
 * through the logger, since TypeScript tells only TypeScript users.
 */
export function checkOptions(options: CrmBridgeOptions): void {
  if (typeof options !== 'object' || options === null) {
    invalid('createCrmBridge() needs an options object')
  }
  if (typeof options.telephony?.dial !== 'function') invalid('telephony.dial must be a function')
  const callbacks = [
    'canClose',
    'onRejected',
    'onOutcome',
    'onError',
    'normalizeDestination',
  ] as const
  for (const name of callbacks) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      invalid(`${name} must be a function`)
    }
  }
  for (const name of ['duplicateCallWindow', 'maxCallsPerMinute'] as const) {
    const value = options[name]
    if (value !== undefined && !(typeof value === 'number' && value >= 0)) {
      invalid(`${name} must be a number of 0 or more`)
    }
  }
  if (!isTimeout(options.dialTimeout)) {
    invalid('dialTimeout must be a number of ms from 1 to 2,147,483,647, or Infinity')
  }
  checkMessages(options.messages)
  checkOrigins(options)

  if (options.logger !== false) {
    const logger = options.logger ?? console
    for (const key of Object.keys(options)) {
      if (KNOWN_OPTIONS.includes(key)) continue
      logger.warn(
        `[ucp-crm-bridge] createCrmBridge(): unknown option '${key}' is ignored; did you mean '${nearest(key, KNOWN_OPTIONS)}'?`,
      )
    }
  }
}

/** A delay a timer keeps (1 to 2,147,483,647 ms), `Infinity` for none, or absent. */
const isTimeout = (value: unknown) =>
  value === undefined ||
  value === Infinity ||
  (typeof value === 'number' && value > 0 && value < 2 ** 31)

/** The names the package owns: no custom message type may take one. */
const isBuiltIn = (type: string) =>
  type === 'CLOSE_CRM_TAB' ||
  type === 'MAKE_CALL' ||
  type === 'CRM_HELLO' ||
  type.startsWith('UCP_')

/** Throws `invalid-option` unless `origin` is an exact origin, as `new URL(…).origin` writes it. */
function checkOrigin(origin: unknown, option: string): void {
  let parsed: string | undefined
  try {
    parsed = new URL(origin as string).origin
  } catch {
    parsed = undefined
  }
  if (parsed !== origin || origin === 'null') {
    invalid(`${option}: '${String(origin)}' is not an origin like 'https://crm.example.com'`)
  }
}

/**
 * Throws `invalid-option` for `allowedOrigins` or `grants` that name something else than exact
 * origins, or grant a type the bridge does not know: such a typo would refuse quietly for ever.
 */
function checkOrigins({ allowedOrigins, grants, messages }: CrmBridgeOptions): void {
  if (allowedOrigins !== undefined && typeof allowedOrigins !== 'function') {
    if (!Array.isArray(allowedOrigins)) invalid('allowedOrigins must be an array or a function')
    for (const origin of allowedOrigins) checkOrigin(origin, 'allowedOrigins')
  }
  if (grants === undefined || typeof grants === 'function') return
  if (typeof grants !== 'object' || grants === null) {
    invalid('grants must be an object of origins or a function')
  }
  const types = ['CLOSE_CRM_TAB', 'MAKE_CALL', ...Object.keys(messages ?? {})]
  for (const [origin, list] of Object.entries(grants)) {
    checkOrigin(origin, 'grants')
    if (!Array.isArray(list) || list.some((type) => !types.includes(type))) {
      invalid(`grants['${origin}'] must list types the bridge knows: ${types.join(', ')}`)
    }
  }
}

/** Throws `invalid-option` for a custom message type the bridge could not serve. */
function checkMessages(messages: CrmBridgeOptions['messages']): void {
  if (messages === undefined) return
  if (typeof messages !== 'object' || messages === null) {
    invalid('messages must be an object')
  }
  for (const [type, definition] of Object.entries(messages)) {
    const what = `messages['${type}']`
    // A page's `type` is read up to 64 characters: a longer name could never be sent.
    if (type.length > 64 || isBuiltIn(type)) {
      invalid(
        `${what}: the name is the package's own (CLOSE_CRM_TAB, MAKE_CALL, CRM_HELLO, UCP_…) or longer than 64 characters`,
      )
    }
    const { parse, handle, perMinute, timeout } = (definition ?? {}) as Partial<typeof definition>
    if (typeof parse !== 'function' || (handle !== undefined && typeof handle !== 'function')) {
      invalid(`${what} needs a parse function, and handle, if any, must be one`)
    }
    const isCount = perMinute === undefined || (typeof perMinute === 'number' && perMinute >= 0)
    if (!isTimeout(timeout) || !isCount) {
      invalid(
        `${what}: timeout must be 1 to 2,147,483,647 ms or Infinity, perMinute a number of 0 or more`,
      )
    }
  }
}
