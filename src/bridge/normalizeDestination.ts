/**
 * Turns the `destination` of a `MAKE_CALL` into what `telephony.dial` receives. The result is
 * accepted only if it is 1 to 32 ASCII digits, optionally after one leading `+`.
 */
export type CrmDestinationNormalizer = (raw: string) => string

/**
 * The spec's rule and the default: every character that is not an ASCII digit is stripped, so
 * `'+1 (555) 123-4567'` becomes `'15551234567'`. The leading `+` goes too, which some dialers
 * read as a national number.
 */
export const stripNonDigits: CrmDestinationNormalizer = (raw) => raw.replace(/[^0-9]/g, '')

/**
 * For E.164 dialers: like {@link stripNonDigits}, but a leading `+` (after blanks) is kept, so
 * `'+1 (555) 123-4567'` becomes `'+15551234567'`. Pass it as `normalizeDestination`.
 */
export const keepLeadingPlus: CrmDestinationNormalizer = (raw) =>
  (/^\s*\+/.test(raw) ? '+' : '') + stripNonDigits(raw)

/** The longest raw destination read at all: room for 32 digits and generous formatting. */
export const MAX_RAW_DESTINATION_LENGTH = 256

const DIALABLE = /^\+?[0-9]{1,32}$/

/** Whether a normalized destination may be dialed. */
export function isDialable(destination: unknown): destination is string {
  return typeof destination === 'string' && DIALABLE.test(destination)
}
