import { CrmBridgeError } from './errors/CrmBridgeError.js'
import type { CrmBridgeOptions } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** Throws `invalid-option` for an option the bridge could not work with, before anything is made. */
export function checkOptions(options: CrmBridgeOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new CrmBridgeError(
      'invalid-option',
      process.env.NODE_ENV !== 'production'
        ? 'createCrmBridge() needs an options object'
        : undefined,
    )
  }
  if (typeof options.telephony?.dial !== 'function') {
    throw new CrmBridgeError(
      'invalid-option',
      process.env.NODE_ENV !== 'production' ? 'telephony.dial must be a function' : undefined,
    )
  }
  const callbacks = [
    'canClose',
    'onRejected',
    'onOutcome',
    'onError',
    'normalizeDestination',
  ] as const
  for (const name of callbacks) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new CrmBridgeError(
        'invalid-option',
        process.env.NODE_ENV !== 'production' ? `${name} must be a function` : undefined,
      )
    }
  }
  for (const name of ['duplicateCallWindow', 'maxCallsPerMinute'] as const) {
    const value = options[name]
    if (value !== undefined && !(typeof value === 'number' && value >= 0)) {
      throw new CrmBridgeError(
        'invalid-option',
        process.env.NODE_ENV !== 'production' ? `${name} must be a number of 0 or more` : undefined,
      )
    }
  }
}
