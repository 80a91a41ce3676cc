import { redactPhoneNumbers } from '../redactPhoneNumbers.js'

/** What a value the redaction cannot read as text becomes. */
export const UNREADABLE = '[redacted]'
/** The character that stands for each hidden character of a number. */
export const MASK = '•'

/** A destination of fewer digits than this is hidden whole: its last two digits would say too much. */
const DIGITS_FOR_A_HINT = 7
const KEPT_DIGITS = 2

/**
 * A destination as DevTools and error monitors may show it: every character but `+`, `*` and `#`
 * becomes `•`, except the last 2 digits of a number of 7 digits or more, so that two calls can be
 * told apart: `'15551234567'` → `'•••••••••67'`, `'*675551234'` → `'*•••••••34'`. Anything
 * that is not a string becomes `'[redacted]'`.
 */
export function maskDestination(value: unknown): string {
  if (typeof value !== 'string') return UNREADABLE
  const digits = value.replace(/\D/g, '').length
  let keep = digits >= DIGITS_FOR_A_HINT ? KEPT_DIGITS : 0
  let masked = ''
  for (let at = value.length - 1; at >= 0; at--) {
    const char = value[at]!
    if (keep > 0 && char >= '0' && char <= '9') {
      keep--
      masked = char + masked
    } else masked = (char === '+' || char === '*' || char === '#' ? char : MASK) + masked
  }
  return masked
}

/** An extension is short: every character of it becomes `•`. */
export function maskExtension(value: unknown): string {
  return typeof value === 'string' ? MASK.repeat(value.length) : UNREADABLE
}

/** `text` with its percent escapes and a query's `+` decoded; itself when it does not decode. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/**
 * Free text (a tab's URL or title, an error's message) with every phone-like run of 7 digits or
 * more replaced by `[redacted]`, also when it is URL-encoded (`%2B1%20555…`, `?ani=+1+555…`), as
 * a screen pop's URL often is. Text without a number is returned as it was.
 */
export function maskText(value: unknown): unknown {
  if (typeof value !== 'string') return value
  const readable = decoded(value)
  const redacted = redactPhoneNumbers(readable)
  // Decoded only where decoding shows a number: other text keeps its own form.
  return redacted === readable ? redactPhoneNumbers(value) : redacted
}

/**
 * A copy of `record` with `fields` passed through `mask` where present (absent ones stay absent).
 * Returns `record` itself when none of them is there.
 */
export function withMasked(
  record: Record<string, unknown>,
  fields: Record<string, (value: unknown) => unknown>,
): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined
  for (const [key, mask] of Object.entries(fields)) {
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue
    copy ??= { ...record }
    copy[key] = mask(record[key])
  }
  return copy ?? record
}

/** The fields that can hold a number wherever a call is described: a request, the history. */
export const CALL_MASKS = {
  destination: maskDestination,
  extension: maskExtension,
  clientRequestId: maskText,
}
/** A request action's meta: the page's own request id is text of its choosing. */
export const META_MASKS = { clientRequestId: maskText }

/** A dial's serialized error: the softphone's text may quote the number. */
export const ERROR_MASKS = { name: maskText, message: maskText, stack: maskText, code: maskText }
/** A tab: a screen pop's URL or title may carry the caller's number. */
export const TAB_MASKS = { url: maskText, title: maskText }
