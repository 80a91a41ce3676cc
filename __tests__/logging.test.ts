import { describe, expect, it } from 'vitest'
import { setupBridge } from './support/harness'

describe('what the bridge writes to the console', () => {
  it('redacts anything that looks like a phone number, even in an origin', () => {
    const bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post(
      { type: 'MAKE_CALL', payload: { destination: '1' } },
      { frame, origin: 'https://15551234567.evil.example' },
    )
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame, origin: 'https://crm-555-123-4567.example' })
    const lines = bridge.logger.warn.mock.calls.map(([line]) => String(line))
    expect(lines).toHaveLength(2)
    for (const line of lines)
      expect(line.replace(/\D/g, '')).not.toMatch(/5551234567|555123|1234567/)
    expect(lines[0]).toContain('[redacted]')
    bridge.crm.destroy()
  })

  it('keeps origins with IPv4 addresses and ports readable', () => {
    const bridge = setupBridge()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window, origin: 'http://127.0.0.1:51234' })
    expect(bridge.logger.warn.mock.calls[0]?.[0]).toContain('http://127.0.0.1:51234')
    bridge.crm.destroy()
  })
})
