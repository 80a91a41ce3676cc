// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.useRealTimers()
})

describe('the client on a server, with no window', () => {
  it('imports without touching a window', async () => {
    expect(globalThis.window).toBeUndefined()
    const client = await import('ucp-crm-bridge/client')
    expect(typeof client.createCrmClient).toBe('function')
  })

  it('gives a client whose ready and calls reject with no-parent, and leaves no timer running', async () => {
    vi.useFakeTimers()
    const { createCrmClient } = await import('ucp-crm-bridge/client')
    const crm = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
    await expect(crm.ready).rejects.toMatchObject({ name: 'CrmClientError', code: 'no-parent' })
    await expect(crm.makeCall('+1 (555) 123-4567')).rejects.toMatchObject({ code: 'no-parent' })
    await expect(crm.closeTab()).rejects.toMatchObject({ code: 'no-parent' })
    expect(vi.getTimerCount()).toBe(0)
    crm.destroy()
    await expect(crm.makeCall('1')).rejects.toMatchObject({ code: 'destroyed' })
  })

  it('still validates its options there', async () => {
    const { createCrmClient } = await import('ucp-crm-bridge/client')
    expect(() => createCrmClient({ parentOrigin: '*' })).toThrow(
      expect.objectContaining({ code: 'invalid-option' }),
    )
  })
})
