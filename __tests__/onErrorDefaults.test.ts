// What happens to errors when the host gives no onError, or an onError that throws itself, and why
// a close is all or nothing whatever throws while it happens.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => {
  bridge?.crm.destroy()
  vi.unstubAllEnvs()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

const failingCanClose = () => {
  throw new Error('cannot close while on +1 (555) 123-4567')
}

describe('onError by default', () => {
  it('writes one console.error line with the callback, the error and its stack, numbers redacted', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    bridge = setupBridge({ onError: undefined, canClose: failingCanClose })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    await bridge.requestsSettled()
    expect(consoleError).toHaveBeenCalledTimes(1)
    const [line] = consoleError.mock.calls[0]!.map(String)
    expect(line).toMatch(/^\[ucp-crm-bridge\] canClose threw: Error: cannot close while on /)
    expect(line).toContain('[redacted]')
    expect(line).toMatch(/\n\s+at /) // the stack
    expect(line!.replace(/\D/g, '')).not.toMatch(/5551234567/)
    expect(bridge.tabIds()).toHaveLength(1)
  })

  it('stays silent in a production build', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    bridge = setupBridge({ onError: undefined, canClose: failingCanClose })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    await bridge.requestsSettled()
    expect(consoleError).not.toHaveBeenCalled()
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'not-permitted' }),
    )
  })
})

describe('an onError that throws', () => {
  it('does not break message handling, and its error is thrown again on a timer, not lost', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    const own = new Error('onError is broken too')
    bridge = setupBridge({
      canClose: failingCanClose,
      onError: () => {
        throw own
      },
    })
    const a = bridge.openTab('https://crm.example.com/a')
    const b = bridge.openTab('https://crm.example.com/b')
    // Waited for as an event: the waits that poll advance fake timers, which would run the rethrow.
    const refused = new Promise<void>((resolve) => bridge.onRejected.mockImplementation(resolve))
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: a.frame })
    await refused
    expect(bridge.onRejected).toHaveBeenCalledTimes(1)
    expect(() => vi.runOnlyPendingTimers()).toThrow(own)

    // The next message is handled as ever.
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '100' } }, { frame: b.frame })
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    expect(bridge.onRejected.mock.calls[0]).toEqual([
      expect.objectContaining({ reason: 'not-permitted' }),
    ])
  })
})

describe('closing a tab is all or nothing', () => {
  it('a store subscriber that throws on tabClosed still leaves the tab closed and its frame unregistered', () => {
    bridge = setupBridge()
    const { tab } = bridge.openTab()
    const thrown = new Error('subscriber')
    bridge.store.subscribe(() => {
      if (bridge.tabIds().length === 0) throw thrown
    })
    expect(() => bridge.store.dispatch(bridge.crm.closeTab(tab.id))).toThrow(thrown)
    expect(bridge.tabIds()).toEqual([])
    expect(bridge.crm.registry.frameFor(tab.id)).toBeUndefined()
  })

  it('a frame’s close that meets a throwing store subscriber is reported as store, closed whole, and answered as done', async () => {
    bridge = setupBridge()
    const sender = bridge.openTab('https://crm.example.com/a')
    const { tab } = bridge.openTab('https://crm.example.com/b')
    const answers = vi.spyOn(sender.frame.contentWindow as Window, 'postMessage')
    const thrown = new Error('subscriber')
    bridge.store.subscribe(() => {
      if (!bridge.tabIds().includes(tab.id)) throw thrown
    })
    bridge.post(
      { type: 'CLOSE_CRM_TAB', payload: { id: tab.id }, requestId: 'r-1' },
      { frame: sender.frame },
    )
    await bridge.requestsSettled()
    expect(bridge.onError).toHaveBeenCalledWith(thrown, { raisedBy: 'store' })
    expect(bridge.tabIds()).toEqual([sender.tab.id])
    expect(bridge.crm.registry.frameFor(tab.id)).toBeUndefined()
    // The tab did close: the answer says so.
    expect(answers.mock.calls.map(([message]) => message.ok)).toEqual([true])
  })
})
