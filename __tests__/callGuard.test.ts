import { afterEach, describe, expect, it, vi } from 'vitest'
import { selectCrmCalls } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => {
  bridge.crm.destroy()
  vi.useRealTimers()
})

const call = (destination: string, requestId?: string) => ({
  type: 'MAKE_CALL',
  payload: { destination },
  ...(requestId && { requestId }),
})

describe('double dials and floods', () => {
  it('dials once when the same tab asks for the same number twice within 2 s', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post(call('+1 (555) 123-4567'), { frame })
    vi.advanceTimersByTime(1_999)
    bridge.post(call('1 555 123 4567'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    expect(bridge.onRejected).toHaveBeenCalledWith({
      reason: 'duplicate',
      type: 'MAKE_CALL',
      origin: expect.any(String),
      tabId: tab.id,
      detail: 'the same number again within 2000 ms',
    })
    expect(bridge.crm.getStats().rejected).toEqual({ duplicate: 1 })
  })

  it('dials again once the line has been quiet for the window', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    vi.advanceTimersByTime(2_000)
    bridge.post(call('100'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(2)
  })

  it('does not hold one tab’s call against another tab or another number', () => {
    bridge = setupBridge()
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.post(call('100'), { frame: first.frame })
    bridge.post(call('100'), { frame: second.frame })
    bridge.post(call('101'), { frame: first.frame })
    expect(bridge.dial).toHaveBeenCalledTimes(3)
  })

  it('follows a configured window, and none at 0', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    bridge = setupBridge({ duplicateCallWindow: 0 })
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    bridge.post(call('100'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(2)
    bridge.crm.destroy()
    bridge = setupBridge({ duplicateCallWindow: 10_000 })
    const other = bridge.openTab()
    bridge.post(call('100'), { frame: other.frame })
    vi.advanceTimersByTime(9_000)
    bridge.post(call('100'), { frame: other.frame })
    expect(bridge.dial).toHaveBeenCalledTimes(1)
  })

  it('answers a suppressed request with duplicate, and keeps it out of the store', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posted = vi.spyOn(frame.contentWindow as Window, 'postMessage')
    bridge.post(call('100', 'a'), { frame })
    bridge.post(call('100', 'b'), { frame })
    await bridge.requestsSettled()
    const answers = posted.mock.calls
      .map(([message]) => message)
      .filter((m) => m.type === 'MAKE_CALL_RESULT')
    expect(answers).toEqual([
      expect.objectContaining({
        requestId: 'b',
        ok: false,
        error: expect.objectContaining({ code: 'duplicate' }),
      }),
      expect.objectContaining({ requestId: 'a', ok: true }),
    ])
    expect(selectCrmCalls(bridge.store.getState())).toHaveLength(1)
  })

  it('caps the dials of one tab per minute, 10 by default', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    for (let i = 0; i < 12; i++) bridge.post(call(String(100 + i)), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(10)
    expect(bridge.crm.getStats().rejected).toEqual({ 'rate-limited': 2 })
    vi.advanceTimersByTime(60_000)
    bridge.post(call('200'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(11)
  })

  it('follows a configured cap, and none at Infinity', () => {
    bridge = setupBridge({ maxCallsPerMinute: 2 })
    const { frame } = bridge.openTab()
    for (let i = 0; i < 5; i++) bridge.post(call(String(100 + i)), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(2)
    bridge.crm.destroy()
    bridge = setupBridge({ maxCallsPerMinute: Infinity })
    const other = bridge.openTab()
    for (let i = 0; i < 50; i++) bridge.post(call(String(100 + i)), { frame: other.frame })
    expect(bridge.dial).toHaveBeenCalledTimes(50)
  })

  it('keeps the limits across a reload of the frame, so reloading is no way around them', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    frame.dispatchEvent(new Event('load'))
    bridge.post(call('100'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(1)
  })

  it('dials once for a flood of 10,000 calls from one frame, with the history intact', () => {
    bridge = setupBridge()
    const other = bridge.openTab('https://crm.example.com/other')
    bridge.post(call('555'), { frame: other.frame })
    const { frame } = bridge.openTab()
    for (let i = 0; i < 10_000; i++) bridge.post(call('+1 (555) 123-4567'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(2)
    expect(selectCrmCalls(bridge.store.getState()).map((c) => c.destination)).toEqual([
      '555',
      '15551234567',
    ])
    expect(bridge.crm.getStats()).toEqual({
      accepted: 2,
      rejected: { duplicate: 9_999 },
      ignored: 0,
    })
    expect(bridge.logger.warn.mock.calls.length).toBeLessThanOrEqual(3)
  })

  it('rejects option values that make no sense', async () => {
    const { createCrmBridge } = await import('ucp-crm-bridge')
    bridge = setupBridge()
    for (const bad of [
      { duplicateCallWindow: -1 },
      { maxCallsPerMinute: Number.NaN },
      { maxCallsPerMinute: '5' },
    ]) {
      expect(() => createCrmBridge({ telephony: { dial: vi.fn() }, ...(bad as object) })).toThrow(
        expect.objectContaining({ code: 'invalid-option' }),
      )
    }
  })
})
