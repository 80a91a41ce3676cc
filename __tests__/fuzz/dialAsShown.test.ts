// The default normalizer never dials a number the page did not show: for any string it refuses, or
// dials the input's own digits, `*` and `#`, in their order, the extension's after the number's,
// and it never accepts a string by stripping what the issue says it must refuse.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dialAsShown } from 'ucp-crm-bridge'
import { asciiDigits } from '../support/unicodeDigits'
import { fuzzSeed } from './support/fuzzRunner'

const zeros = [0x30, 0x660, 0x6f0, 0x966, 0xe50, 0xff10, 0x1d7ce, 0x1d7d8, 0x1e950]
const digit = fc
  .tuple(fc.constantFrom(...zeros), fc.integer({ min: 0, max: 9 }))
  .map(([zero, value]) => String.fromCodePoint(zero + value))

// The pieces destinations are made of, and the ones that must refuse them, so that a good share of
// the strings is accepted and the property is put to work; and any string at all.
const formatting = [
  { weight: 12, arbitrary: digit },
  { weight: 2, arbitrary: fc.constantFrom('*', '#', '＊', '＃') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(' ', '\t', '\u00a0', '\u202f', '\u200b', '\ufeff', '\u2060'),
  },
  { weight: 4, arbitrary: fc.constantFrom('(', ')', '-', '.', '/', '\u2013', '（', '－') },
  { weight: 2, arbitrary: fc.constantFrom('+', '＋', 'tel:', 'TEL:') },
  { weight: 2, arbitrary: fc.constantFrom('ext', 'ext.', 'extension', 'x', 'X', ';ext=', 'EXT') },
]
const piece = fc.oneof(
  ...formatting,
  fc.constantFrom('a', 'F', 'l', 'O', '²', '①', ',', ';', '=', '_', '\n', '\u0000', '\u007f'),
  fc.constantFrom('\u202e', '\u202d', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c'),
  fc.string({ unit: 'binary', maxLength: 3 }),
)
const join = (pieces: string[]) => pieces.join('')
const anyString = fc.oneof(
  { weight: 2, arbitrary: fc.array(fc.oneof(...formatting), { maxLength: 40 }).map(join) },
  fc.array(piece, { maxLength: 40 }).map(join),
  fc.string({ unit: 'binary', maxLength: 60 }),
)

const DIALABLE = /^(?=[*#]*[0-9])[0-9*#]{1,32}$/
// What the issue says is refused, never stripped: letters (those of `tel:` and the extension
// markers aside), other kinds of numerals, control characters that are not blanks, bidirectional
// controls, and lone surrogates.
const NEVER_DIALLED = /[\p{L}\p{Nl}\p{No}\p{Bidi_Control}\p{Cs}]|(?![\t-\r\u0085])\p{Cc}/u
const withoutMarkers = (input: string) =>
  input
    .replace(/^[\p{White_Space}\u200b-\u200d\u2060\ufeff\u00ad]*tel:/iu, '')
    .replace(/;ext=|extension|ext|x/gi, '')

describe('dialAsShown, for any string', () => {
  it('refuses, or dials the digits, * and # of the input, in order, the extension after', () => {
    const seen = { accepted: 0, extensions: 0, refused: 0 }
    fc.assert(
      fc.property(anyString, (input) => {
        const dialled = dialAsShown(input)
        if (dialled === undefined) return void seen.refused++
        seen.accepted++
        expect(dialled.destination).toMatch(DIALABLE)
        if (dialled.extension !== undefined) {
          seen.extensions++
          expect(dialled.extension).toMatch(/^[0-9]{1,16}$/)
        }
        expect(withoutMarkers(input)).not.toMatch(NEVER_DIALLED)
        // Not only a subsequence: every digit, * and # the page sent is dialled, none added.
        const shown = asciiDigits(input).replace(/[^0-9*#]/g, '')
        expect(dialled.destination + (dialled.extension ?? '')).toBe(shown)
      }),
      { seed: fuzzSeed, numRuns: 20_000 },
    )
    // Proof that both outcomes, and extensions, were reached often.
    expect(seen.accepted).toBeGreaterThan(3_000)
    expect(seen.extensions).toBeGreaterThan(300)
    expect(seen.refused).toBeGreaterThan(3_000)
    // Fixed work, not a timing: a loaded 2-core machine needs more than vitest's 5 s for it.
  }, 180_000)
})
