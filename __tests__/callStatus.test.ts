// Call progress for the page that asked: UCP_CALL_STATUS through a real store, from the host's
// progress events to what each frame is posted.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  selectCrmCalls,
  type CrmCallEndReason,
} from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

type Posted = { type: string; requestId?: string; status?: string; ok?: boolean } & Record<
  string,
  unknown
>

/** What the host posted to a frame, in order, leaving out hellos unless asked. */
function postsTo(frame: HTMLIFrameElement) {
  const spy = vi.spyOn(frame.contentWindow as Window, 'postMessage')
  return {
    all: () => spy.mock.calls.map(([message]) => message as Posted),
    statuses: () =>
      spy.mock.calls
        .map(([message]) => message as Posted)
        .filter((message) => message.type === 'UCP_CALL_STATUS'),
    targets: () => spy.mock.calls.map(([, targetOrigin]) => targetOrigin as unknown as string),
  }
}

const call = (requestId?: string) => ({
  type: 'MAKE_CALL',
  payload: { destination: '+1 (555) 123-4567' },
  ...(requestId === undefined ? {} : { requestId }),
})

/** Posts a MAKE_CALL from `frame` and waits until it is placed; returns UCP's id of the call. */
async function placeCall(frame: HTMLIFrameElement, requestId?: string): Promise<string> {
  const before = selectCrmCalls(bridge.store.getState()).length
  bridge.post(call(requestId), { frame })
  await vi.waitFor(() =>
    expect(selectCrmCalls(bridge.store.getState())[before]?.status).toBe('placed'),
  )
  return selectCrmCalls(bridge.store.getState())[before]!.requestId
}

const progress = (callId: string, reason: CrmCallEndReason = 'completed') => {
  bridge.store.dispatch(crmCallRinging({ requestId: callId }))
  bridge.store.dispatch(crmCallConnected({ requestId: callId }))
  bridge.store.dispatch(crmCallEnded({ requestId: callId, reason }))
}

describe('UCP_CALL_STATUS', () => {
  it('tells the page that asked: ringing, connected, then one ended with its talk time and reason', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    const callId = await placeCall(frame, 'r-1')
    progress(callId)
    bridge.store.dispatch(crmCallEnded({ requestId: callId, reason: 'failed' })) // a second end
    bridge.store.dispatch(crmCallConnected({ requestId: callId })) // after the end
    const [, , ended] = posts.statuses()
    expect(posts.all().map(({ type, status }) => status ?? type)).toEqual([
      'MAKE_CALL_RESULT',
      'ringing',
      'connected',
      'ended',
    ])
    const recorded = selectCrmCalls(bridge.store.getState())[0]!
    expect(ended).toEqual({
      type: 'UCP_CALL_STATUS',
      version: 1,
      requestId: 'r-1',
      status: 'ended',
      at: recorded.endedAt,
      durationMs: recorded.endedAt! - recorded.connectedAt!,
      reason: 'completed',
    })
    expect(posts.targets().every((target) => target === 'https://crm.example.com')).toBe(true)
  })

  it('never carries the number: only the ids, the status, the times and how it ended', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    progress(await placeCall(frame, 'r-1'))
    const fields = ['at', 'durationMs', 'reason', 'requestId', 'status', 'type', 'version']
    expect(posts.statuses()).not.toHaveLength(0)
    for (const message of posts.statuses()) {
      expect(fields).toEqual(expect.arrayContaining(Object.keys(message)))
      // Only the strings could carry it: `at` and `durationMs` are times, whose digits are any.
      const strings = Object.values(message).filter((value) => typeof value === 'string')
      expect(strings.join(' ')).not.toMatch(/555|4567/)
    }
  })

  it('tells nothing to a page that asked without a requestId, nor to another tab of any origin', async () => {
    bridge = setupBridge()
    const raw = bridge.openTab('https://crm.example.com/a')
    const sameOrigin = bridge.openTab('https://crm.example.com/b')
    const otherOrigin = bridge.openTab('https://other.example/c')
    const posts = [raw, sameOrigin, otherOrigin].map(({ frame }) => postsTo(frame))
    const withId = bridge.openTab('https://crm.example.com/d')
    const rawCall = await placeCall(raw.frame)
    progress(rawCall)
    progress(await placeCall(withId.frame, 'r-1'))
    expect(posts.map((post) => post.all())).toEqual([[], [], []])
  })

  it('answers a call that rings before its dial settled as placed first, then tells it ringing', async () => {
    bridge = setupBridge()
    let connect!: () => void
    bridge.dial.mockReturnValue(new Promise<void>((resolve) => (connect = resolve)))
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.waitFor(() => expect(bridge.dial).toHaveBeenCalled())
    const callId = selectCrmCalls(bridge.store.getState())[0]!.requestId
    bridge.store.dispatch(crmCallRinging({ requestId: callId }))
    expect(posts.all().map(({ type, status, ok }) => status ?? `${type} ${ok}`)).toEqual([
      'MAKE_CALL_RESULT true',
      'ringing',
    ])
    connect()
    await bridge.requestsSettled()
    expect(posts.all()).toHaveLength(2)
    expect(selectCrmCalls(bridge.store.getState())[0]!.status).toBe('ringing')
  })

  it('tells a call busy before it was placed as placed, then ended busy, with no talk time', async () => {
    bridge = setupBridge()
    bridge.dial.mockReturnValue(new Promise(() => {}))
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.waitFor(() => expect(bridge.dial).toHaveBeenCalled())
    const callId = selectCrmCalls(bridge.store.getState())[0]!.requestId
    bridge.store.dispatch(crmCallEnded({ requestId: callId, reason: 'busy' }))
    expect(posts.all()).toEqual([
      expect.objectContaining({ type: 'MAKE_CALL_RESULT', ok: true }),
      expect.objectContaining({ status: 'ended', reason: 'busy', durationMs: 0 }),
    ])
  })

  it('tells nothing of a call whose dial failed: its answer said so', async () => {
    bridge = setupBridge()
    bridge.dial.mockRejectedValue(new Error('line busy'))
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    await bridge.requestsSettled()
    const callId = selectCrmCalls(bridge.store.getState())[0]!.requestId
    progress(callId)
    expect(posts.all().map(({ type }) => type)).toEqual(['MAKE_CALL_RESULT'])
  })

  it('stops telling a page once it is gone: reloaded or navigated', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    const callId = await placeCall(frame, 'r-1')
    bridge.store.dispatch(crmCallRinging({ requestId: callId }))
    frame.dispatchEvent(new Event('load'))
    bridge.store.dispatch(crmCallConnected({ requestId: callId }))
    bridge.store.dispatch(crmCallEnded({ requestId: callId, reason: 'completed' }))
    expect(posts.statuses().map(({ status }) => status)).toEqual(['ringing'])
  })
})

describe('the hello’s calls', () => {
  it('lists the tab’s calls that have not ended, by the page’s own id or else UCP’s, and then tells that page', async () => {
    bridge = setupBridge({ duplicateCallWindow: 0 })
    const { tab, frame } = bridge.openTab()
    const withId = await placeCall(frame, 'r-1')
    const raw = await placeCall(frame)
    const over = await placeCall(frame, 'r-3')
    bridge.store.dispatch(crmCallConnected({ requestId: withId }))
    bridge.store.dispatch(crmCallEnded({ requestId: over, reason: 'completed' }))
    // The page reloads: the new one asks for its hello, and picks its calls up from there.
    frame.dispatchEvent(new Event('load'))
    const posts = postsTo(frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    const calls = selectCrmCalls(bridge.store.getState())
    expect(posts.all()).toEqual([
      {
        type: 'UCP_HELLO',
        version: 1,
        tabId: tab.id,
        calls: [
          { requestId: 'r-1', status: 'connected', at: calls[0]!.connectedAt },
          { requestId: raw, status: 'placed', at: calls[1]!.placedAt },
        ],
        types: ['CLOSE_CRM_TAB', 'MAKE_CALL'],
      },
    ])
    bridge.store.dispatch(crmCallEnded({ requestId: withId, reason: 'completed' }))
    bridge.store.dispatch(crmCallRinging({ requestId: raw }))
    expect(posts.statuses().map(({ requestId, status }) => [requestId, status])).toEqual([
      ['r-1', 'ended'],
      [raw, 'ringing'],
    ])
  })

  it('tells each step once however many hellos the page asked for', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const callId = await placeCall(frame, 'r-1')
    const posts = postsTo(frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    progress(callId)
    expect(posts.statuses().map(({ status }) => status)).toEqual(['ringing', 'connected', 'ended'])
  })

  it('tells a page whose hello listed a call that then failed to dial: ended, failed, no talk time', async () => {
    bridge = setupBridge()
    let fail!: (error: Error) => void
    bridge.dial.mockReturnValue(new Promise((_, reject) => (fail = reject)))
    const { frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame })
    await vi.waitFor(() => expect(bridge.dial).toHaveBeenCalled())
    // The page reloads while the call is dialing, and asks for its hello.
    frame.dispatchEvent(new Event('load'))
    const posts = postsTo(frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    fail(new Error('no route'))
    await bridge.requestsSettled()
    const failedAt = selectCrmCalls(bridge.store.getState())[0]!.failedAt
    expect(posts.statuses()).toEqual([
      {
        type: 'UCP_CALL_STATUS',
        version: 1,
        requestId: 'r-1',
        status: 'ended',
        at: failedAt,
        durationMs: 0,
        reason: 'failed',
      },
    ])
  })

  it('lists no call of another tab', async () => {
    bridge = setupBridge()
    const a = bridge.openTab('https://crm.example.com/a')
    const b = bridge.openTab('https://crm.example.com/b')
    await placeCall(a.frame, 'r-1')
    const posts = postsTo(b.frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame: b.frame })
    expect(posts.all()).toEqual([expect.objectContaining({ type: 'UCP_HELLO', calls: [] })])
  })
})
