import { definedOnly } from '../definedOnly.js'
import { readDialString } from './readDialString.js'

/**
 * A destination split from its extension: `destination` is what `telephony.dial` dials, and the
 * extension, if any, reaches it apart as `dial(destination, { extension })`.
 *
 * @example
 * const dialable: CrmNormalizedDestination = { destination: '5551234', extension: '89' }
 */
export interface CrmNormalizedDestination {
  /** 1 to 32 characters of `0-9`, `*` and `#` with at least one digit, or `+` and 1 to 32 digits. */
  destination: string
  /** 1 to 16 ASCII digits, dialled once the call is answered. */
  extension?: string
}

/**
 * Turns the `destination` of a `MAKE_CALL` into what `telephony.dial` receives: a bare string (the
 * destination) or a {@link CrmNormalizedDestination} with the extension apart. `undefined`, a
 * result that is not dialable, or a throw refuses the message with `invalid-destination`.
 *
 * @example
 * // The default's rules, and no premium-rate numbers.
 * const noPremium: CrmDestinationNormalizer = (raw) => {
 *   const read = dialAsShown(raw)
 *   return read && !read.destination.startsWith('1900') ? read : undefined
 * }
 */
export type CrmDestinationNormalizer = (
  raw: string,
) => string | CrmNormalizedDestination | undefined

/**
 * The default: dials exactly the number the page shows, or refuses. `'+1 (555) 123-4567'` becomes
 * `'15551234567'`, `'555-1234 ext. 89'` becomes `{ destination: '5551234', extension: '89' }`,
 * `'*67 555 1234'` keeps its `*`, digits of any script become ASCII, and letters (`1-800-FLOWERS`),
 * bidirectional controls and anything else that is not formatting refuse the number. The rules are
 * in `docs/protocol.md`.
 */
export function dialAsShown(raw: string): CrmNormalizedDestination | undefined {
  const read = readDialString(raw)
  if (!read) return undefined
  return definedOnly({ destination: read.number, extension: read.extension })
}

/**
 * The spec's literal rule, for a UCP that wants exactly it: every character that is not an ASCII
 * digit is stripped, so `'+1 (555) 123-4567'` becomes `'15551234567'`, but `'555-1234 ext. 89'`
 * becomes `'555123489'`. Pass it as `normalizeDestination`.
 */
export const stripNonDigits = (raw: string): string => raw.replace(/[^0-9]/g, '')

/**
 * For E.164 dialers: like {@link stripNonDigits}, but a leading `+` (after blanks) is kept, so
 * `'+1 (555) 123-4567'` becomes `'+15551234567'`. Pass it as `normalizeDestination`.
 */
export const keepLeadingPlus = (raw: string): string =>
  (/^\s*\+/.test(raw) ? '+' : '') + stripNonDigits(raw)

/** The longest raw destination read at all: room for 32 digits and generous formatting. */
export const MAX_RAW_DESTINATION_LENGTH = 256

const DIALABLE = /^(?:\+[0-9]{1,32}|(?=[*#]*[0-9])[0-9*#]{1,32})$/
const EXTENSION = /^[0-9]{1,16}$/

/** Whether a normalized destination may be dialed. */
export function isDialable(destination: unknown): destination is string {
  return typeof destination === 'string' && DIALABLE.test(destination)
}

/**
 * What a normalizer returned, checked: a dialable destination and a well-formed extension, as
 * plain data of our own making; `undefined` for anything else.
 */
export function checkNormalized(result: unknown): CrmNormalizedDestination | undefined {
  if (typeof result === 'string') return isDialable(result) ? { destination: result } : undefined
  if (typeof result !== 'object' || result === null) return undefined
  const { destination, extension } = result as Record<string, unknown>
  if (!isDialable(destination)) return undefined
  if (extension === undefined) return { destination }
  return typeof extension === 'string' && EXTENSION.test(extension)
    ? { destination, extension }
    : undefined
}
