// Separators as people write them: blanks, dots, brackets, hyphens and typographic dashes, the
// slash of '030/1234567', and the underscore a hostname puts in place of a blank.
const PHONE_LIKE = /\+?[\d(][\d\s()./_\u2010-\u2015-]*\d/g
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * Replaces anything that could be a phone number (a run of 7 or more digits, with the usual
 * separators) by `[redacted]`. IPv4 addresses and ports stay readable. Every log line goes through it.
 */
export function redactPhoneNumbers(text: string): string {
  return text.replace(PHONE_LIKE, (run) =>
    run.replace(/\D/g, '').length >= 7 && !IPV4.test(run) ? '[redacted]' : run,
  )
}
