import { afterEach, describe, expect, it, vi } from 'vitest'
import { selectCrmCalls } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const call = (destination: unknown) => ({ type: 'MAKE_CALL', payload: { destination } })

describe('dial listener', () => {
  it('dials through telephony.dial and records the request as placed', async () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post(call('+1 (555) 123-4567'), { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    expect(bridge.dial.mock.calls[0]?.[0]).toBe('15551234567')
    await vi.waitFor(() =>
      expect(selectCrmCalls(bridge.store.getState())).toEqual([
        expect.objectContaining({ destination: '15551234567', tabId: tab.id, status: 'placed' }),
      ]),
    )
    expect(bridge.types()).toEqual([
      'crmTabs/tabOpened',
      'telephony/makeCallRequested',
      'crmCalls/dialStarted',
      'crmCalls/callPlaced',
    ])
  })

  it('shows a call as dialing while the softphone has not answered', async () => {
    bridge = setupBridge()
    bridge.dial.mockReturnValueOnce(new Promise(() => {}))
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    // A later call, placed: the first had every chance to be marked placed meanwhile.
    bridge.post(call('101'), { frame })
    const statusOf = (destination: string) =>
      selectCrmCalls(bridge.store.getState()).find((c) => c.destination === destination)?.status
    await vi.waitFor(() => expect(statusOf('101')).toBe('placed'))
    expect(statusOf('100')).toBe('dialing')
  })

  it('fails the call when the softphone rejects, as its outcome: onRejected hears it, onError does not', async () => {
    bridge = setupBridge()
    bridge.dial.mockRejectedValue(Object.assign(new Error('line busy'), { code: 'BUSY' }))
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    await bridge.requestsSettled()
    expect(selectCrmCalls(bridge.store.getState())[0]).toMatchObject({
      status: 'failed',
      error: { code: 'BUSY' },
    })
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'dial-failed', detail: 'telephony.dial rejected' }),
    )
    expect(bridge.onError).not.toHaveBeenCalled()
  })

  it('fails the call when the softphone throws synchronously, and reports that bug to onError', async () => {
    bridge = setupBridge()
    const bug = new TypeError('softphone offline')
    bridge.dial.mockImplementation(() => {
      throw bug
    })
    const { frame } = bridge.openTab()
    expect(() => bridge.post(call('100'), { frame })).not.toThrow()
    await bridge.requestsSettled()
    expect(selectCrmCalls(bridge.store.getState())[0]).toMatchObject({
      status: 'failed',
      error: { name: 'TypeError' },
    })
    expect(bridge.onError.mock.calls).toEqual([[bug, { raisedBy: 'telephony.dial' }]])
  })

  it('keeps a leading + when the host chooses keepLeadingPlus', async () => {
    const { keepLeadingPlus } = await import('ucp-crm-bridge')
    bridge = setupBridge({ normalizeDestination: keepLeadingPlus })
    const { frame } = bridge.openTab()
    bridge.post(call('+1 (555) 123-4567'), { frame })
    expect(bridge.dial.mock.calls[0]?.[0]).toBe('+15551234567')
  })

  it('rejects what a custom normalizer makes undialable', () => {
    bridge = setupBridge({ normalizeDestination: (raw) => `${raw}!` })
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'invalid-destination' }),
    )
  })
})
