// A sandboxed frame has the opaque origin 'null', which UCP cannot answer without '*'. Let in by an
// allowedOrigins predicate, its requests that ask for an answer are refused before anything is done;
// the spec's raw messages, which ask for none, are acted on.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const letsSandboxesIn = { allowedOrigins: (origin: string) => origin === 'null' }
const call = (requestId?: string) => ({
  type: 'MAKE_CALL',
  payload: { destination: '+1 (555) 123-4567' },
  ...(requestId === undefined ? {} : { requestId }),
})

describe('senders at an opaque origin', () => {
  it('refuses a request with a requestId as opaque-origin before dispatching or dialing', async () => {
    bridge = setupBridge(letsSandboxesIn)
    const { tab, frame } = bridge.openTab()
    const posted = vi.spyOn(frame.contentWindow as Window, 'postMessage')
    bridge.post(call('r-1'), { frame, origin: 'null' })
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'c-1' }, { frame, origin: 'null' })
    await bridge.requestsSettled()

    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(posted).not.toHaveBeenCalled()
    expect(bridge.onRejected.mock.calls.map(([rejection]) => rejection)).toEqual([
      { reason: 'opaque-origin', type: 'MAKE_CALL', origin: 'null', tabId: tab.id },
      { reason: 'opaque-origin', type: 'CLOSE_CRM_TAB', origin: 'null', tabId: tab.id },
    ])
    expect(bridge.crm.getStats()).toEqual({
      accepted: 0,
      rejected: { 'opaque-origin': 2 },
      ignored: 0,
    })
  })

  it('does not count a refused request id as used: the limits and the dedupe are untouched', async () => {
    bridge = setupBridge({ ...letsSandboxesIn, maxCallsPerMinute: 1 })
    const { frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame, origin: 'null' })
    bridge.post(call('r-1'), { frame })
    await bridge.requestsSettled()
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    expect(bridge.onRejected.mock.calls.map(([rejection]) => rejection.reason)).toEqual([
      'opaque-origin',
    ])
  })

  it('acts on the spec’s raw messages from there, which ask for no answer', async () => {
    bridge = setupBridge(letsSandboxesIn)
    const { frame } = bridge.openTab()
    bridge.post(call(), { frame, origin: 'null' })
    await bridge.requestsSettled()
    expect(bridge.dial).toHaveBeenCalledWith('15551234567', expect.anything())
    expect(bridge.onRejected).not.toHaveBeenCalled()
  })
})
