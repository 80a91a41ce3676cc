// Reads a destination as a person sees it, and refuses whatever could make the dialled number differ
// from the shown one. An allowlist: a character not named below refuses the whole string.

/** What a destination says, in ASCII: the number, whether it began with `+`, and its extension. */
export interface DialString {
  /** Digits, `*` and `#`, in the order shown. */
  number: string
  /** Whether a `+` came before the number. */
  plus: boolean
  /** The digits after an extension marker, if there was one. */
  extension?: string
}

/** The longest number read, digits, `*` and `#` together; a longer one is refused. */
export const MAX_NUMBER_LENGTH = 32
/** The longest extension read. */
export const MAX_EXTENSION_LENGTH = 16

const DECIMAL_DIGIT = /\p{Nd}/u
// Blanks of every width and line breaks, and the invisible format characters that pasted text
// carries (zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen). They show nothing.
const BLANK_CLASS = '[\\p{White_Space}\\u200b-\\u200d\\u2060\\ufeff\\u00ad]'
const BLANK = new RegExp(BLANK_CLASS, 'u')
const TEL_SCHEME = new RegExp(`^${BLANK_CLASS}*tel:`, 'iu')
// Visual separators: brackets, hyphens and dashes, dots, slashes, ASCII and full-width.
const SEPARATOR = /[().\-/\u2010-\u2015\u2212\uff08\uff09\uff0d\uff0e\uff0f]/
// Case-insensitive without `u`: no non-ASCII letter matches an ASCII one (no Kelvin sign for `k`).
const EXTENSION_MARKER = /;ext=|extension|ext|x/iy
const HAS_DIGIT = /[0-9]/

const isDecimalDigit = (codePoint: number) => DECIMAL_DIGIT.test(String.fromCodePoint(codePoint))

/**
 * The value of a decimal digit of any script. Unicode encodes every set of decimal digits as ten
 * consecutive code points from 0 to 9, so a digit's value is its distance from the start of its
 * run of digits, modulo 10 (runs of sets that touch, such as the mathematical digits, stay whole).
 */
function digitValue(codePoint: number): number {
  if (codePoint <= 0x39) return codePoint - 0x30
  let start = codePoint
  while (isDecimalDigit(start - 1)) start--
  return (codePoint - start) % 10
}

/**
 * Reads `raw` as a dial string, or refuses it (`undefined`). Blanks, invisible format characters,
 * separators, a `+` before the number and a leading `tel:` go; digits of any script become ASCII;
 * `*` and `#` stay where they stand; `ext`, `ext.`, `extension`, `x` or `;ext=` after the number
 * starts the extension. Letters, bidirectional and other controls, a marker with no number before
 * it or no digits after it, and numbers too long or with no digit at all are refused.
 */
export function readDialString(raw: string): DialString | undefined {
  let number = ''
  let extension: string | undefined
  let plus = false
  for (let at = TEL_SCHEME.exec(raw)?.[0].length ?? 0; at < raw.length;) {
    const codePoint = raw.codePointAt(at)!
    const char = String.fromCodePoint(codePoint)
    if (isDecimalDigit(codePoint)) {
      const digit = String(digitValue(codePoint))
      if (extension === undefined) number += digit
      else extension += digit
    } else if (!BLANK.test(char) && !SEPARATOR.test(char)) {
      if (char === '+' || char === '\uff0b') {
        // One `+`, before the number: `+44`, `(+44)`, `tel:+44`. Anywhere else it is not formatting.
        if (plus || number !== '') return undefined
        plus = true
      } else if (char === '*' || char === '#') {
        // Dialled as they are, so only the ASCII ones: what is dialled is what the page sent.
        if (extension !== undefined) return undefined
        number += char
      } else {
        EXTENSION_MARKER.lastIndex = at
        const marker = EXTENSION_MARKER.exec(raw)
        if (!marker || extension !== undefined || !HAS_DIGIT.test(number)) return undefined
        extension = ''
        at += marker[0].length
        continue
      }
    }
    at += char.length
  }
  if (!HAS_DIGIT.test(number) || number.length > MAX_NUMBER_LENGTH) return undefined
  if (extension === undefined) return { number, plus }
  if (extension === '' || extension.length > MAX_EXTENSION_LENGTH) return undefined
  return { number, plus, extension }
}
