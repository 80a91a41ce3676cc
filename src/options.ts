import { dialAsShown } from './bridge/normalizeDestination.js'
import { nearest } from './protocol/nearest.js'
import { CrmBridgeError } from './CrmBridgeError.js'
import type { CrmStore } from './crmReducers.js'
import type { CrmBridgeOptions } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** The options' defaults, documented in docs/integration.md. */
export const OPTION_DEFAULTS = {
  dialTimeout: 30_000,
  duplicateCallWindow: 2_000,
  maxCallsPerMinute: 10,
  frameContainer: '#iframe-parent',
  normalizeDestination: dialAsShown,
}

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

// Every text is passed behind its own development check, so that production builds drop it.
const invalid = (text: string | undefined): never => {
  throw new CrmBridgeError('invalid-option', text)
}

/**
 * Throws `invalid-option` for an option the bridge could not work with, before anything is made.
 * In development builds, warns once for each key it does not know (`onReject` for `onRejected`),
 * through the logger, since TypeScript tells only TypeScript users.
 */
export function checkOptions(options: CrmBridgeOptions): void {
  if (typeof options !== 'object' || options === null) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? 'createCrmBridge() needs an options object'
        : undefined,
    )
  }
  if (typeof options.telephony?.dial !== 'function')
    invalid(process.env.NODE_ENV !== 'production' ? 'telephony.dial must be a function' : undefined)
  const callbacks = [
    'canClose',
    'onRejected',
    'onOutcome',
    'onError',
    'normalizeDestination',
  ] as const
  for (const name of callbacks) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      invalid(process.env.NODE_ENV !== 'production' ? `${name} must be a function` : undefined)
    }
  }
  for (const name of ['duplicateCallWindow', 'maxCallsPerMinute'] as const) {
    const value = options[name]
    if (value !== undefined && !(typeof value === 'number' && value >= 0)) {
      invalid(
        process.env.NODE_ENV !== 'production' ? `${name} must be a number of 0 or more` : undefined,
      )
    }
  }
  if (!isTimeout(options.dialTimeout)) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? 'dialTimeout must be a number of ms from 1 to 2,147,483,647, or Infinity'
        : undefined,
    )
  }
  checkMessages(options.messages)

  if (process.env.NODE_ENV !== 'production' && options.logger !== false) {
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

/** Throws `invalid-option` for a custom message type the bridge could not serve. */
function checkMessages(messages: CrmBridgeOptions['messages']): void {
  if (messages === undefined) return
  if (typeof messages !== 'object' || messages === null) {
    invalid(process.env.NODE_ENV !== 'production' ? 'messages must be an object' : undefined)
  }
  for (const [type, definition] of Object.entries(messages)) {
    const what = process.env.NODE_ENV !== 'production' ? `messages['${type}']` : ''
    // A page's `type` is read up to 64 characters: a longer name could never be sent.
    if (type.length > 64 || isBuiltIn(type)) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `${what}: the name is the package's own (CLOSE_CRM_TAB, MAKE_CALL, CRM_HELLO, UCP_…) or longer than 64 characters`
          : undefined,
      )
    }
    const { parse, handle, perMinute, timeout } = (definition ?? {}) as Partial<typeof definition>
    if (typeof parse !== 'function' || (handle !== undefined && typeof handle !== 'function')) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `${what} needs a parse function, and handle, if any, must be one`
          : undefined,
      )
    }
    const isCount = perMinute === undefined || (typeof perMinute === 'number' && perMinute >= 0)
    if (!isTimeout(timeout) || !isCount) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? `${what}: timeout must be 1 to 2,147,483,647 ms or Infinity, perMinute a number of 0 or more`
          : undefined,
      )
    }
  }
}

/** Whether `value` is what the `crmTabs` reducer makes. */

const isTabsState = (value: unknown) =>
  typeof value === 'object' && value !== null && 'entities' in value && 'ids' in value

/**
 * Throws when `store` is not a Redux store whose state holds the package's slices at its root:
 * `reducers-missing` names the keys that are missing, and where they are, if nested.
 */
export function checkStore(store: CrmStore): void {
  if (typeof store?.getState !== 'function' || typeof store.dispatch !== 'function') {
    invalid(process.env.NODE_ENV !== 'production' ? 'start() needs the Redux store' : undefined)
  }
  const state = store.getState() as unknown as Record<string, unknown> | undefined
  const found = { crmTabs: isTabsState(state?.crmTabs), crmCalls: Array.isArray(state?.crmCalls) }
  const missing = Object.keys(found).filter((key) => !found[key as keyof typeof found])
  if (missing.length === 0) return
  let text = ''
  if (process.env.NODE_ENV !== 'production') {
    const nested = Object.keys(state ?? {}).find((key) => {
      const inner = (state as Record<string, unknown>)[key] as Record<string, unknown> | undefined
      return typeof inner === 'object' && inner !== null && isTabsState(inner.crmTabs)
    })
    text =
      `start(): the store's state has no ${missing.join(' and ')} at its root` +
      (nested ? ` (they are under '${nested}')` : '') +
      '; spread crmReducers into the root reducer: `reducer: { ...ucpReducers, ...crmReducers }`'
  }
  throw new CrmBridgeError('reducers-missing', text || undefined)
}
