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
  const { dialTimeout } = options
  const isDelay = typeof dialTimeout === 'number' && dialTimeout > 0 && dialTimeout < 2 ** 31
  if (dialTimeout !== undefined && !isDelay && dialTimeout !== Infinity) {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? 'dialTimeout must be a number of ms from 1 to 2,147,483,647, or Infinity'
        : undefined,
    )
  }

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
