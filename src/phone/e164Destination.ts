import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/min'
import { readDialString } from '../bridge/readDialString.js'
import type {
  CrmDestinationNormalizer,
  CrmNormalizedDestination,
} from '../bridge/normalizeDestination.js'
import { CrmBridgeError } from '../CrmBridgeError.js'

/** Options of {@link e164Destination}. */
export interface CrmE164Options {
  /**
   * The country whose national format a number without `+` is read in, such as `'US'` or `'GB'`
   * (ISO 3166-1 alpha-2, capitals). Without it, only numbers written with `+` and their country
   * code are accepted.
   */
  defaultCountry?: CountryCode
}

/**
 * A normalizer for softphones that want E.164 (Amazon Connect, Twilio, Genesys Cloud): the number
 * the page shows, read by libphonenumber, as `+` and digits. `'(555) 123-4567 ext. 89'` with
 * `defaultCountry: 'US'` becomes `{ destination: '+15551234567', extension: '89' }`, and
 * `'020 7946 0958'` with `'GB'` becomes `'+442079460958'`. What the default normalizer refuses is
 * refused first (letters, bidirectional controls, a marker with nothing around it), and so are
 * feature codes (`*`, `#`: E.164 has none) and what libphonenumber does not find a possible number
 * (wrong length for its country, unknown country code). It uses libphonenumber-js's `min` metadata:
 * every country, lengths but not number types.
 *
 * @example
 * import { e164Destination } from 'ucp-crm-bridge/phone'
 *
 * const crm = createCrmBridge({
 *   telephony: { dial: (destination, { extension }) => connect.dial(destination, extension) },
 *   normalizeDestination: e164Destination({ defaultCountry: 'US' }),
 * })
 */
export function e164Destination(options: CrmE164Options = {}): CrmDestinationNormalizer {
  const { defaultCountry } = options
  if (defaultCountry !== undefined && !isSupportedCountry(defaultCountry)) {
    throw new CrmBridgeError(
      'invalid-option',
      'defaultCountry must be a country code libphonenumber knows, such as US or GB',
    )
  }
  return (raw: string): CrmNormalizedDestination | undefined => {
    const read = readDialString(raw)
    if (!read || /[*#]/.test(read.number)) return undefined
    const parsed = parsePhoneNumberFromString((read.plus ? '+' : '') + read.number, {
      defaultCountry,
      extract: false,
    })
    if (!parsed?.isPossible()) return undefined
    const destination: string = parsed.number
    return read.extension === undefined
      ? { destination }
      : { destination, extension: read.extension }
  }
}
