// Every rule of the default normalizer (docs/protocol.md), one input or more each: the table the
// normalizer is tested on alone, and the whole path from a message to the softphone.
import type { CrmNormalizedDestination } from 'ucp-crm-bridge'

/** A rule of the default normalizer, an input, and what is dialled: the destination and extension. */
export type DestinationRow = [
  rule: string,
  input: string,
  dialled: CrmNormalizedDestination | 'refused',
]

/** What is dialled: `destination`, and `extension` only when there is one. */
export const to = (destination: string, extension?: string): CrmNormalizedDestination =>
  extension === undefined ? { destination } : { destination, extension }

export const DESTINATIONS: DestinationRow[] = [
  // The examples.
  ['the spec’s example', '+1 (555) 123-4567', to('15551234567')],
  ['an extension', '555-1234 ext. 89', to('5551234', '89')],
  ['a tel: URI', 'tel:+1-555-123-4567', to('15551234567')],
  ['a feature code', '*67 555 1234', to('*675551234')],
  ['Arabic-Indic digits among ASCII', '+1 555 ١٢٣ 4567', to('15551234567')],
  ['a vanity number', '1-800-FLOWERS', 'refused'],
  ['a right-to-left override', '\u202e7654321', 'refused'],
  // Ordinary formatting goes.
  ['dots', '555.123.4567', to('5551234567')],
  ['a slash', '030/1234567', to('0301234567')],
  ['blanks, a tab and line breaks', ' \t555 1234\r\n', to('5551234')],
  ['no-break, narrow and figure spaces', '555\u00a0123\u202f45\u200767', to('5551234567')],
  ['typographic dashes and the minus sign', '555\u20101\u20132\u20143\u22124', to('5551234')],
  ['full-width digits, brackets and hyphen', '（０３）１２３４－５６７８', to('0312345678')],
  ['a + inside brackets', '(+44) 20 7946 0958', to('442079460958')],
  ['a + after blanks', '  + 44 20 7946 0958', to('442079460958')],
  ['a full-width +', '＋８１ ３ １２３４ ５６７８', to('81312345678')],
  ['tel: in capitals, after a blank', ' TEL:555-1234', to('5551234')],
  // Invisible format characters go.
  ['a zero-width space', '555\u200b1234', to('5551234')],
  ['a BOM', '\ufeff555-1234', to('5551234')],
  ['a word joiner, a joiner and a non-joiner', '555\u2060\u200d\u200c1234', to('5551234')],
  ['a soft hyphen', '555\u00ad1234', to('5551234')],
  // Digits of every script become ASCII.
  ['Persian digits', '۰۹۱۲ ۳۴۵ ۶۷۸۹', to('09123456789')],
  ['Devanagari digits', '९८७६५४३२१०', to('9876543210')],
  ['mathematical digits, whose sets touch', '\u{1d7d3}\u{1d7dd}\u{1d7e7}\u{1d7ce}', to('5550')],
  // * and # stay where they stand.
  ['a star code between hashes', '#31#5551234', to('#31#5551234')],
  ['a star code before a formatted number', '*82 (555) 123-4567', to('*825551234567')],
  ['a trailing #', '555 1234#', to('5551234#')],
  ['full-width * and #, which are not the dialled ones', '＊６７＃', 'refused'],
  // The extension is split off.
  ['x', '555-1234 x89', to('5551234', '89')],
  ['X in capitals, with blanks', '555-1234 X 89', to('5551234', '89')],
  ['extension', '555-1234 extension 89', to('5551234', '89')],
  ['EXT', '555-1234 EXT 89', to('5551234', '89')],
  [';ext= in a tel: URI', 'tel:+1-555-123-4567;ext=89', to('15551234567', '89')],
  ['an extension in brackets', '555-1234 (ext. 89)', to('5551234', '89')],
  ['an extension in Arabic-Indic digits', '555-1234 ext.٨٩', to('5551234', '89')],
  ['16 digits of extension', `555-1234 x${'1'.repeat(16)}`, to('5551234', '1'.repeat(16))],
  ['a feature code with an extension', '*67 555 1234 x 12', to('*675551234', '12')],
  ['a marker with nothing before it', 'ext. 204', 'refused'],
  ['a marker after * and # with no digit', '*# x 12', 'refused'],
  ['a marker with no digits after it', '555-1234 ext.', 'refused'],
  ['two markers', '555-1234 ext 12 x 3', 'refused'],
  ['17 digits of extension', `555-1234 x${'1'.repeat(17)}`, 'refused'],
  ['a # in the extension', '555-1234 x 1#', 'refused'],
  ['a word that starts like a marker', '555-1234 extra', 'refused'],
  // Letters are refused.
  ['words', 'call me', 'refused'],
  ['letters after the number', '+1 555 123 4567 (office)', 'refused'],
  ['a letter that looks like a digit', '555 l234', 'refused'],
  ['a tel: URI with a phone-context', 'tel:5551234;phone-context=example.com', 'refused'],
  ['tel: twice', 'tel:tel:5551234', 'refused'],
  // Bidirectional and other controls are refused.
  ['left-to-right override and pop', '\u202d555 1234\u202c', 'refused'],
  ['isolates', '\u2066555 1234\u2069', 'refused'],
  ['a right-to-left mark, which reorders digit groups', '555\u200f1234', 'refused'],
  ['an Arabic letter mark', '\u061c5551234', 'refused'],
  ['a NUL', '555\u00001234', 'refused'],
  ['a backspace', '5551234\u0008', 'refused'],
  ['DEL', '555\u007f1234', 'refused'],
  ['a lone surrogate', '555\ud8001234', 'refused'],
  // Other characters are refused, never stripped.
  ['a + that is not leading', '1+555', 'refused'],
  ['two +', '++1 555', 'refused'],
  ['a comma (a pause to some dialers)', '555,1234', 'refused'],
  ['a semicolon that is no ;ext=', '555;1234', 'refused'],
  ['an underscore', '555_1234', 'refused'],
  ['superscript and circled digits', '555 123²', 'refused'],
  ['a circled digit', '①555', 'refused'],
  // Nothing to dial, or too much.
  ['an empty string', '', 'refused'],
  ['blanks only', ' \t ', 'refused'],
  ['formatting only', '()-./', 'refused'],
  ['a + alone', '+', 'refused'],
  ['* and # without a digit', '*#', 'refused'],
  ['tel: alone', 'tel:', 'refused'],
  ['32 digits', '1'.repeat(32), to('1'.repeat(32))],
  ['33 digits', '1'.repeat(33), 'refused'],
  ['32 characters with a *', `*${'1'.repeat(31)}`, to(`*${'1'.repeat(31)}`)],
  ['33 characters with a *', `*${'1'.repeat(32)}`, 'refused'],
  ['33 digits of another script', '٣'.repeat(33), 'refused'],
]
