import type { CountryCode } from 'libphonenumber-js/min'
import { describe, expect, it } from 'vitest'
import { CrmBridgeError, type CrmNormalizedDestination } from 'ucp-crm-bridge'
import { e164Destination } from 'ucp-crm-bridge/phone'
import { to } from '../support/destinations'

type Row = [
  rule: string,
  input: string,
  country: CountryCode | undefined,
  dialled: CrmNormalizedDestination | 'refused',
]

const rows: Row[] = [
  ['the spec’s example', '+1 (555) 123-4567', 'US', to('+15551234567')],
  ['a national number', '(555) 123-4567', 'US', to('+15551234567')],
  ['a national number with its trunk prefix', '020 7946 0958', 'GB', to('+442079460958')],
  ['a trunk prefix in brackets after the code', '+44 (0)20 7946 0958', 'US', to('+442079460958')],
  ['+ wins over the default country', '+49 151 12345678', 'US', to('+4915112345678')],
  ['an international number needs no default', '+33 1 23 45 67 89', undefined, to('+33123456789')],
  ['an extension kept apart', '555-123-4567 ext. 89', 'US', to('+15551234567', '89')],
  ['a tel: URI with ;ext=', 'tel:+1-555-123-4567;ext=89', undefined, to('+15551234567', '89')],
  ['Arabic-Indic digits', '+1 555 ١٢٣ 4567', undefined, to('+15551234567')],
  ['full-width digits', '０３－１２３４－５６７８', 'JP', to('+81312345678')],
  ['a vanity number', '1-800-FLOWERS', 'US', 'refused'],
  ['a right-to-left override', '\u202e+15551234567', 'US', 'refused'],
  ['a feature code: E.164 has none', '*67 555 123 4567', 'US', 'refused'],
  ['a # after the number', '555 123 4567#', 'US', 'refused'],
  ['too short for its country', '555 1234', 'US', 'refused'],
  ['too long for its country', '+1 555 123 45678', undefined, 'refused'],
  ['a national number without a default country', '(555) 123-4567', undefined, 'refused'],
  ['an unknown country code', '+999 1234 5678', undefined, 'refused'],
  ['an extension with nothing before it', 'ext. 89', 'US', 'refused'],
  ['nothing to dial', '  ', 'US', 'refused'],
]

describe('e164Destination: the number the page shows, in E.164', () => {
  it.each(
    rows.map(([rule, input, country, dialled]) => [
      rule,
      JSON.stringify(input),
      input,
      country,
      dialled,
    ]),
  )('%s: %s', (_rule, _shown, input, country, dialled) => {
    const normalize = e164Destination({ defaultCountry: country as CountryCode | undefined })
    expect(normalize(input as string) ?? 'refused').toEqual(dialled)
  })

  it('gives + and 1 to 15 digits whenever it accepts', () => {
    const normalize = e164Destination({ defaultCountry: 'DE' })
    const accepted = rows.map(([, input]) => normalize(input)).filter((dialled) => dialled)
    expect(accepted.length).toBeGreaterThan(5)
    for (const dialled of accepted) {
      expect(dialled).toMatchObject({ destination: expect.stringMatching(/^\+[0-9]{1,15}$/) })
    }
  })

  it('throws, when made, for a default country libphonenumber does not know', () => {
    for (const country of ['XX', 'us', 'USA', '']) {
      expect(() => e164Destination({ defaultCountry: country as CountryCode })).toThrow(
        expect.objectContaining({ name: 'CrmBridgeError', code: 'invalid-option' }),
      )
    }
    expect(() => e164Destination({ defaultCountry: 'XX' as CountryCode })).toThrow(CrmBridgeError)
  })
})
