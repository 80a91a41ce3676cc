// The messages option: the definitions createCrmBridge refuses, and the built-in names a custom
// type can never take, in development and production builds alike.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CrmBridgeError, createCrmBridge } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge> | undefined
afterEach(() => {
  bridge?.crm.destroy()
  vi.unstubAllEnvs()
})

describe('a custom type with a built-in name, in a production build, which does not check options', () => {
  it('is never used: MAKE_CALL keeps its own rules, limits and dial', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const parse = vi.fn(() => ({}))
    bridge = setupBridge({ messages: { MAKE_CALL: { parse }, UCP_HELLO: { parse } } })
    vi.unstubAllEnvs()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }, { frame })
    bridge.post({ type: 'UCP_HELLO' }, { frame })
    await bridge.requestsSettled()
    expect(parse).not.toHaveBeenCalled()
    expect(bridge.dial).toHaveBeenCalledWith('15551234567', expect.anything())
    expect(bridge.types()).not.toContain('crm/MAKE_CALL/requested')
  })
})

describe('the messages option', () => {
  const dial = () => undefined
  it.each(['CLOSE_CRM_TAB', 'MAKE_CALL', 'CRM_HELLO', 'UCP_HELLO', 'UCP_ANYTHING', 'X'.repeat(65)])(
    'refuses to redefine or shadow %s with invalid-option',
    (name) => {
      const make = () =>
        createCrmBridge({ telephony: { dial }, messages: { [name]: { parse: () => ({}) } } })
      expect(make).toThrow(CrmBridgeError)
      expect(make).toThrow(expect.objectContaining({ code: 'invalid-option' }))
    },
  )

  it('refuses a definition without parse, or with a handle, timeout or perMinute it cannot use', () => {
    for (const definition of [
      {},
      { parse: 'no' },
      { parse: () => ({}), handle: 'no' },
      { parse: () => ({}), timeout: 0 },
      { parse: () => ({}), perMinute: -1 },
      { parse: () => ({}), perMinute: '60' },
    ]) {
      expect(() =>
        createCrmBridge({ telephony: { dial }, messages: { OPEN_RECORD: definition as never } }),
      ).toThrow(expect.objectContaining({ code: 'invalid-option' }))
    }
  })
})
