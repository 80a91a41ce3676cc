// The E.164 entry, under Jest 29 and 30 (CommonJS, through ts-jest) and Vitest (ES modules).
import { e164Destination } from 'ucp-crm-bridge/phone'

test('e164Destination reads the number the page shows with libphonenumber-js', () => {
  const normalize = e164Destination({ defaultCountry: 'US' })
  expect(normalize('(555) 123-4567 ext. 89')).toEqual({
    destination: '+15551234567',
    extension: '89',
  })
  expect(normalize('12')).toBeUndefined()
})
