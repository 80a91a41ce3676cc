// Every accepted request has one owner from arrival to answer: it is settled exactly once, after
// its effect, within its deadline, and nothing owed is dropped silently.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { crmTabClosed, selectCrmCalls, type CrmDialContext } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => {
  bridge.crm.destroy()
  vi.useRealTimers()
})

const call = (requestId: string, destination = '+1 (555) 123-4567') => ({
  type: 'MAKE_CALL',
  payload: { destination },
  requestId,
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

/** A softphone whose dials never settle, as a WebRTC stack stuck in ICE; it keeps their contexts. */
function hangDials() {
  const contexts: CrmDialContext[] = []
  bridge.dial.mockImplementation((_destination, context) => {
    contexts.push(context)
    return new Promise(() => {})
  })
  return contexts
}

const statuses = () => selectCrmCalls(bridge.store.getState()).map((c) => [c.status, c.error?.code])

describe('a dial that hangs', () => {
  it('is given up after dialTimeout: its signal aborted, the call failed with dial-timeout, the page answered dial-failed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    bridge = setupBridge({ dialTimeout: 5_000 })
    const contexts = hangDials()
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.advanceTimersByTimeAsync(4_999)
    expect(contexts[0]!.signal.aborted).toBe(false)
    expect(answers()).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(contexts[0]!.signal.aborted).toBe(true)
    expect(contexts[0]!.signal.reason).toMatchObject({
      name: 'CrmBridgeError',
      code: 'dial-timeout',
    })
    await vi.waitFor(() => expect(answers()).toEqual([['r-1', 'dial-failed']]))
    expect(statuses()).toEqual([['failed', 'dial-timeout']])
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'dial-failed', detail: 'dial-timeout' }),
    )
  })

  it('waits 30 s by default, and for ever with Infinity', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    bridge = setupBridge()
    const contexts = hangDials()
    const { frame } = bridge.openTab()
    bridge.post(call('r-1', '100'), { frame })
    await vi.advanceTimersByTimeAsync(29_999)
    expect(contexts[0]!.signal.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(contexts[0]!.signal.aborted).toBe(true)

    bridge = setupBridge({ dialTimeout: Infinity })
    const patient = hangDials()
    const other = bridge.openTab()
    bridge.post(call('r-2', '101'), { frame: other.frame })
    await vi.advanceTimersByTimeAsync(24 * 3_600_000)
    expect(patient[0]!.signal.aborted).toBe(false)
    expect(statuses()).toEqual([['dialing', undefined]])
  })

  it('changes nothing when it settles after its deadline: the call stays failed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    bridge = setupBridge({ dialTimeout: 1_000 })
    let connect!: () => void
    bridge.dial.mockReturnValue(new Promise<void>((resolve) => (connect = resolve)))
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.advanceTimersByTimeAsync(1_000)
    await vi.waitFor(() => expect(answers()).toEqual([['r-1', 'dial-failed']]))
    connect()
    await bridge.requestsSettled()
    expect(statuses()).toEqual([['failed', 'dial-timeout']])
    expect(answers()).toEqual([['r-1', 'dial-failed']])
    expect(bridge.types().filter((type) => type === 'crmCalls/callPlaced')).toEqual([])
  })

  it('is not aborted when its tab closes: the agent may be talking; only the answer owed goes', async () => {
    bridge = setupBridge()
    const contexts = hangDials()
    const { tab, frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.waitFor(() => expect(contexts).toHaveLength(1))
    bridge.store.dispatch(bridge.crm.closeTab(tab.id))
    expect(contexts[0]!.signal.aborted).toBe(false)
    bridge.crm.destroy()
    expect(answers()).toEqual([])
  })
})

describe('destroy()', () => {
  it('answers every request still owed unavailable, aborts its dial, and fails its call', async () => {
    bridge = setupBridge()
    const contexts = hangDials()
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.waitFor(() => expect(contexts).toHaveLength(1))
    bridge.crm.destroy()
    expect(answers()).toEqual([['r-1', 'unavailable']])
    expect(contexts[0]!.signal.reason).toMatchObject({ code: 'destroyed' })
    expect(bridge.outcomes).toEqual([expect.objectContaining({ reason: 'unavailable' })])
    await vi.waitFor(() => expect(statuses()).toEqual([['failed', 'destroyed']]))
    // Said once: the dial's own end, later, adds no second answer.
    expect(answers()).toHaveLength(1)
  })

  it('answers a close still waiting for canClose unavailable, and closes nothing when it answers', async () => {
    let answer!: (value: boolean) => void
    bridge = setupBridge({ canClose: () => new Promise<boolean>((resolve) => (answer = resolve)) })
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://crm.example.com/b')
    const answers = answersTo(sender.frame)
    bridge.post(
      { type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id }, requestId: 'c-1' },
      { frame: sender.frame },
    )
    await vi.waitFor(() => expect(answer).toBeDefined())
    bridge.crm.destroy()
    expect(answers()).toEqual([['c-1', 'unavailable']])
    answer(true)
    // A task's turn: every promise continuation of the close, which are microtasks, has run by then.
    await new Promise((resolve) => setTimeout(resolve))
    expect(bridge.tabIds()).toEqual([sender.tab.id, target.tab.id])
  })
})

describe('stop()', () => {
  it('stops hearing messages, and still carries out and answers what it accepted before', async () => {
    bridge = setupBridge()
    let connect!: () => void
    bridge.dial.mockReturnValueOnce(new Promise<void>((resolve) => (connect = resolve)))
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('r-1'), { frame })
    bridge.stop()
    bridge.post(call('r-2', '100'), { frame })
    connect()
    await bridge.requestsSettled()
    expect(answers()).toEqual([['r-1', 'ok']])
    expect(bridge.dial).toHaveBeenCalledTimes(1)
  })
})

describe('one way to close a tab', () => {
  it('unregisters the frame of a tab closed by UCP’s own code or DevTools, and drops what its page was owed', async () => {
    bridge = setupBridge()
    let connect!: () => void
    bridge.dial.mockReturnValue(new Promise<void>((resolve) => (connect = resolve)))
    const { tab, frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(call('r-1'), { frame })
    bridge.store.dispatch(crmTabClosed({ id: tab.id }))
    expect(bridge.crm.registry.frameFor(tab.id)).toBeUndefined()
    expect(bridge.crm.registry.size).toBe(0)
    connect()
    await bridge.requestsSettled()
    expect(answers()).toEqual([])
    expect(bridge.outcomes).toEqual([expect.not.objectContaining({ answer: expect.anything() })])
  })

  it('leaves the frames alone for a tabClosed of no open tab, or one a reducer refused', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.store.dispatch(crmTabClosed({ id: 'not-a-tab' }))
    bridge.store.dispatch({ type: 'crmTabs/tabClosed', payload: { id: '__proto__' } })
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(frame)
  })
})

describe('the host’s callbacks get the store', () => {
  it('hands telephony.dial and canClose getState and dispatch, so the bridge needs no import of the store', async () => {
    const canClose = vi.fn(({ getState }: { getState: () => unknown }) => getState() !== undefined)
    bridge = setupBridge({ canClose })
    const contexts = hangDials()
    const { frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([]))
    expect(contexts[0]!.getState()).toBe(bridge.store.getState())
    contexts[0]!.dispatch({ type: 'ucp/noted' })
    expect(bridge.types()).toContain('ucp/noted')
    expect(canClose).toHaveBeenCalledWith(
      expect.objectContaining({ getState: expect.any(Function), dispatch: expect.any(Function) }),
    )
  })
})
