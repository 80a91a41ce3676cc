import { describe, expect, it } from 'vitest'
import { dialAsShown, keepLeadingPlus, stripNonDigits } from 'ucp-crm-bridge'
import { DESTINATIONS } from './support/destinations'
import { DIGIT_VALUES } from './support/unicodeDigits'

describe('dialAsShown, the default normalizer: the number the page shows, or a refusal', () => {
  it.each(
    DESTINATIONS.map(([rule, input, dialled]) => [rule, JSON.stringify(input), input, dialled]),
  )('%s: %s', (_rule, _shown, input, dialled) => {
    expect(dialAsShown(input as string) ?? 'refused').toEqual(dialled)
  })

  it('has a table of at least 40 inputs', () => {
    expect(DESTINATIONS.length).toBeGreaterThanOrEqual(40)
  })

  it('reads every decimal digit of Unicode as the value ICU gives it', () => {
    let checked = 0
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const char = String.fromCodePoint(codePoint)
      if (!/\p{Nd}/u.test(char)) continue
      expect(DIGIT_VALUES.has(char), `U+${codePoint.toString(16)}`).toBe(true)
      expect(dialAsShown(`5${char}`), `U+${codePoint.toString(16)}`).toEqual({
        destination: `5${DIGIT_VALUES.get(char)}`,
      })
      checked++
    }
    expect(checked).toBeGreaterThan(700)
  })
})

describe('the spec’s literal rule and the E.164 one, unchanged', () => {
  it('strips every non-digit, as the spec says', () => {
    expect(stripNonDigits('+1 (555) 123-4567')).toBe('15551234567')
    expect(stripNonDigits('ext. 204')).toBe('204')
    expect(stripNonDigits('*67#')).toBe('67')
    expect(stripNonDigits('555-1234 ext. 89')).toBe('555123489')
  })

  it('strips digits of other scripts too: only ASCII digits reach the dialer', () => {
    expect(stripNonDigits('٥٥٥ 12')).toBe('12')
  })

  it('keeps one leading + for E.164 dialers, and only a leading one', () => {
    expect(keepLeadingPlus('+1 (555) 123-4567')).toBe('+15551234567')
    expect(keepLeadingPlus('  +44 20 7946 0958')).toBe('+442079460958')
    expect(keepLeadingPlus('1+555')).toBe('1555')
    expect(keepLeadingPlus('++1')).toBe('+1')
  })
})
