import { describe, expect, it } from 'vitest'
import { keepLeadingPlus, stripNonDigits } from 'ucp-crm-bridge'

describe('destination normalizers', () => {
  it('strips every non-digit, as the spec says', () => {
    expect(stripNonDigits('+1 (555) 123-4567')).toBe('15551234567')
    expect(stripNonDigits('ext. 204')).toBe('204')
    expect(stripNonDigits('*67#')).toBe('67')
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
