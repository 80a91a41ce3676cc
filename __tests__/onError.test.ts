// Every host callback the bridge calls is made to throw, one by one: the error reaches `onError`
// with the callback's name, and the outcome is what it was before onError existed.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { selectCrmCalls } from 'ucp-crm-bridge'
import { CRM_ORIGIN, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const bug = (name: string) => new Error(`${name} is broken`)
const call = (destination: string, requestId?: string) => ({
  type: 'MAKE_CALL',
  payload: { destination },
  ...(requestId === undefined ? {} : { requestId }),
})

/** The answers a frame was posted, as `[requestId, 'ok' | code]`. */
function answersTo(frame: HTMLIFrameElement) {
  const spy = vi.spyOn(frame.contentWindow as Window, 'postMessage')
  return () =>
    spy.mock.calls
      .map(([message]) => message as { requestId?: string; ok?: boolean; error?: { code: string } })
      .filter((message) => message.requestId !== undefined)
      .map((message) => [message.requestId, message.ok ? 'ok' : message.error?.code])
}

describe('onError: each host callback that throws is reported by name, and changes no outcome', () => {
  it('canClose: a throw or a rejection is reported, and the close is refused as not-permitted', async () => {
    const thrown = bug('canClose')
    bridge = setupBridge({
      canClose: vi
        .fn()
        .mockImplementationOnce(() => {
          throw thrown
        })
        .mockRejectedValueOnce(thrown),
    })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'sync' }, { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'async' }, { frame })
    await bridge.requestsSettled()
    expect(bridge.tabIds()).toHaveLength(1)
    expect(bridge.onError.mock.calls).toEqual([
      [thrown, { raisedBy: 'canClose' }],
      [thrown, { raisedBy: 'canClose' }],
    ])
    expect(answers()).toEqual([
      ['sync', 'not-permitted'],
      ['async', 'not-permitted'],
    ])
  })

  it('onRejected: reported, and the rejection is still counted and the next message handled', () => {
    const thrown = bug('onRejected')
    bridge = setupBridge({
      onRejected: () => {
        throw thrown
      },
    })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window })
    bridge.post(call('100'), { frame })
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'onRejected' }]])
    expect(bridge.crm.getStats()).toMatchObject({ accepted: 1, rejected: { 'unknown-source': 1 } })
    expect(bridge.dial).toHaveBeenCalledWith('100', expect.anything())
  })

  it('allowedOrigins: a predicate that throws is reported, and the origin is refused', () => {
    const thrown = bug('allowedOrigins')
    bridge = setupBridge({
      allowedOrigins: () => {
        throw thrown
      },
    })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame, origin: 'https://sso.example' })
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'allowedOrigins' }]])
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'origin-not-allowed' }),
    )
    expect(bridge.tabIds()).toHaveLength(1)
  })

  it('normalizeDestination: reported, and the message is refused as invalid-destination', () => {
    const thrown = bug('normalizeDestination')
    bridge = setupBridge({
      normalizeDestination: () => {
        throw thrown
      },
    })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('+1 (555) 123-4567', 'r-1'), { frame })
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'normalizeDestination' }]])
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(answers()).toEqual([['r-1', 'invalid-destination']])
  })

  it('logger: a logger that throws is reported, and handling goes on', () => {
    const thrown = bug('logger')
    bridge = setupBridge({
      logger: {
        warn: () => {
          throw thrown
        },
      },
    })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'logger' }]])
    expect(bridge.onRejected).toHaveBeenCalledTimes(1)
    expect(bridge.tabIds()).toEqual([])
  })

  it('onOutcome: reported, and the message is still carried out', async () => {
    const thrown = bug('onOutcome')
    bridge = setupBridge({
      onOutcome: () => {
        throw thrown
      },
    })
    const { frame } = bridge.openTab()
    bridge.post(call('100'), { frame })
    await bridge.requestsSettled()
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'onOutcome' }]])
    expect(selectCrmCalls(bridge.store.getState())[0]?.status).toBe('placed')
  })

  it('telephony.dial: a synchronous throw is reported as it was thrown; a rejection is the call’s outcome, not reported', async () => {
    const thrown = Object.assign(bug('softphone'), { code: 'OFFLINE' })
    bridge = setupBridge()
    bridge.dial.mockRejectedValueOnce(thrown).mockImplementationOnce(() => {
      throw thrown
    })
    const { tab, frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('100', 'rejects'), { frame })
    bridge.post(call('101', 'throws'), { frame })
    await bridge.requestsSettled()
    // The object itself, stack and all: the call history keeps only its name, message and code.
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'telephony.dial' }]])
    expect(bridge.onError.mock.calls[0]![0]).toBe(thrown)
    const failed = { reason: 'dial-failed', type: 'MAKE_CALL', origin: CRM_ORIGIN, tabId: tab.id }
    const rejections = bridge.onRejected.mock.calls.map(([rejection]) => rejection)
    expect(rejections.sort((a, b) => a.detail.localeCompare(b.detail))).toEqual([
      { ...failed, detail: 'telephony.dial rejected' },
      { ...failed, detail: 'telephony.dial threw' },
    ])
    // The softphone's outcome, not a message UCP turned down: no development warning.
    expect(bridge.logger.warn).not.toHaveBeenCalled()
    expect(bridge.crm.getStats()).toEqual({
      accepted: 2,
      rejected: { 'dial-failed': 2 },
      ignored: 0,
    })
    expect(answers().sort()).toEqual([
      ['rejects', 'dial-failed'],
      ['throws', 'dial-failed'],
    ])
  })

  it('store: a reducer that throws on a request is reported, and the sender told internal-error', () => {
    const thrown = bug('reducer')
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.store.replaceReducer((state, action) => {
      if (action.type === 'telephony/makeCallRequested') throw thrown
      return state as ReturnType<typeof bridge.store.getState>
    })
    bridge.post(call('100', 'r-1'), { frame })
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'store' }]])
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'internal-error', type: 'MAKE_CALL' }),
    )
    expect(answers()).toEqual([['r-1', 'internal-error']])
  })

  it('store: a reducer that throws on tabClosed leaves the tab open with its frame, is reported, and the page told internal-error', async () => {
    const thrown = bug('reducer')
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.store.replaceReducer((state, action) => {
      if (action.type === 'crmTabs/tabClosed') throw thrown
      return state as ReturnType<typeof bridge.store.getState>
    })
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'r-1' }, { frame })
    await bridge.requestsSettled()
    expect(bridge.onError.mock.calls).toEqual([[thrown, { raisedBy: 'store' }]])
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(frame)
    expect(answers()).toEqual([['r-1', 'internal-error']])
    expect(bridge.outcomes).toEqual([expect.objectContaining({ reason: 'internal-error' })])
  })
})
