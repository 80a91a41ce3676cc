import { afterEach, describe, expect, it, vi } from 'vitest'
import { CRM_ORIGIN, CRM_URL, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

/** What the host posted to a frame's window: jsdom cannot deliver it cross-origin, so it is spied on. */
function postsTo(frame: HTMLIFrameElement) {
  const spy = vi.spyOn(frame.contentWindow as Window, 'postMessage')
  const all = () => spy.mock.calls.map(([message, targetOrigin]) => ({ message, targetOrigin }))
  const answers = () => all().filter(({ message }) => String(message.type).endsWith('_RESULT'))
  const hellos = () => all().filter(({ message }) => message.type === 'UCP_HELLO')
  return { all, answers, hellos }
}

/** Makes the softphone's next dial wait; returns the function that lets it connect. */
function holdDial(): () => void {
  let connect!: () => void
  bridge.dial.mockReturnValue(new Promise<void>((resolve) => (connect = resolve)))
  return () => connect()
}

const call = (requestId: unknown, destination: unknown = '+1 (555) 123-4567') => ({
  type: 'MAKE_CALL',
  payload: { destination },
  requestId,
})
const ok = (type: string, requestId: string) => ({
  message: { type, requestId, version: 1, ok: true },
  targetOrigin: CRM_ORIGIN,
})
const refused = (type: string, requestId: string, code: string) => ({
  message: { type, requestId, version: 1, ok: false, error: { code, message: expect.any(String) } },
  targetOrigin: CRM_ORIGIN,
})

describe('answers', () => {
  it('answers a MAKE_CALL with a requestId once the call is placed, to the sender’s origin', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    expect(posts.answers()).toEqual([])
    await vi.waitFor(() => expect(posts.answers()).toEqual([ok('MAKE_CALL_RESULT', 'r-1')]))
  })

  it('records the message’s requestId in the action meta, for DevTools', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame })
    expect(bridge.actions[1]).toMatchObject({ meta: { clientRequestId: 'r-1' } })
  })

  it('answers dial-failed when the softphone rejects', async () => {
    bridge = setupBridge()
    bridge.dial.mockRejectedValue(new Error('busy'))
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    await vi.waitFor(() =>
      expect(posts.answers()).toEqual([refused('MAKE_CALL_RESULT', 'r-1', 'dial-failed')]),
    )
  })

  it('answers a rejected message with its reason, dispatching nothing', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1', 'no digits'), { frame })
    bridge.post({ type: 'MAKE_CALLS', requestId: 'r-2' }, { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'r-3', version: 2 }, { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'r-4', version: 1.5 }, { frame })
    expect(posts.answers()).toEqual([
      refused('MAKE_CALL_RESULT', 'r-1', 'invalid-destination'),
      refused('MAKE_CALLS_RESULT', 'r-2', 'unknown-type'),
      refused('CLOSE_CRM_TAB_RESULT', 'r-3', 'unsupported-version'),
      refused('CLOSE_CRM_TAB_RESULT', 'r-4', 'invalid-message'),
    ])
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
  })

  it('answers a close once the tab has left the state', () => {
    bridge = setupBridge()
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://crm.example.com/b')
    const posts = postsTo(sender.frame)
    const tabsWhenAnswered: unknown[] = []
    vi.spyOn(sender.frame.contentWindow as Window, 'postMessage').mockImplementation(() => {
      tabsWhenAnswered.push(bridge.tabIds())
    })
    bridge.post(
      { type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id }, requestId: 'c-1' },
      { frame: sender.frame },
    )
    expect(tabsWhenAnswered).toEqual([[sender.tab.id]])
    expect(posts.answers()).toEqual([ok('CLOSE_CRM_TAB_RESULT', 'c-1')])
  })

  it('posts nothing for a close of the sender’s own tab: its page goes with the tab', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post({ type: 'CLOSE_CRM_TAB', requestId: 'c-1' }, { frame })
    expect(bridge.tabIds()).toEqual([])
    expect(posts.all()).toEqual([])
    expect(bridge.outcomes).toEqual([expect.not.objectContaining({ answer: expect.anything() })])
  })

  it('answers a refused close with unknown-tab or not-permitted', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const other = bridge.openTab('https://other.example/x')
    const posts = postsTo(frame)
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: 'nope' }, requestId: 'c-1' }, { frame })
    bridge.post(
      { type: 'CLOSE_CRM_TAB', payload: { id: other.tab.id }, requestId: 'c-2' },
      { frame },
    )
    expect(posts.answers()).toEqual([
      refused('CLOSE_CRM_TAB_RESULT', 'c-1', 'unknown-tab'),
      refused('CLOSE_CRM_TAB_RESULT', 'c-2', 'not-permitted'),
    ])
  })

  it('answers a repeated requestId as a duplicate and does not act twice', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    bridge.post(call('r-1'), { frame })
    await bridge.requestsSettled()
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    expect(posts.answers()).toEqual([
      refused('MAKE_CALL_RESULT', 'r-1', 'duplicate'),
      ok('MAKE_CALL_RESULT', 'r-1'),
    ])
  })

  it('never answers a message without requestId, nor one with a malformed requestId', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call(undefined), { frame })
    bridge.post(call(42), { frame })
    bridge.post(call('x'.repeat(65)), { frame })
    await bridge.requestsSettled()
    expect(posts.answers()).toEqual([])
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    expect(bridge.onRejected.mock.calls.map(([r]) => r.reason)).toEqual([
      'invalid-message',
      'invalid-message',
    ])
  })

  it('never answers a sender at a disallowed origin or a frame that is not a tab', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const stranger = bridge.container.appendChild(document.createElement('iframe'))
    const posts = postsTo(frame)
    const strangerPosts = postsTo(stranger)
    bridge.post(call('r-1'), { frame, origin: 'https://evil.example' })
    bridge.post(call('r-2'), { frame: stranger })
    expect(posts.answers()).toEqual([])
    expect(strangerPosts.answers()).toEqual([])
  })

  it('drops what a frame is owed when it reloads, and posts the new page nothing it did not ask for', async () => {
    bridge = setupBridge()
    const connect = holdDial()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    frame.dispatchEvent(new Event('load'))
    connect()
    await bridge.requestsSettled()
    expect(posts.all()).toEqual([])
  })

  it('drops what a frame is owed when its tab closes', async () => {
    bridge = setupBridge()
    const connect = holdDial()
    const { tab, frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post(call('r-1'), { frame })
    bridge.store.dispatch(bridge.crm.closeTab(tab.id))
    connect()
    await bridge.requestsSettled()
    expect(posts.answers()).toEqual([])
  })
})

describe('handshake', () => {
  it('posts nothing to a frame that did not ask: not when it is registered, nor when it loads', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab(CRM_URL, { register: false })
    const blank = bridge.container.appendChild(document.createElement('iframe'))
    const posts = [postsTo(frame), postsTo(blank)]
    bridge.crm.registry.register(tab.id, frame)
    frame.dispatchEvent(new Event('load'))
    bridge.crm.registry.register(tab.id, blank)
    blank.dispatchEvent(new Event('load'))
    expect(posts.map(({ all }) => all())).toEqual([[], []])
  })

  it('answers CRM_HELLO from a tab frame with a hello to its origin', () => {
    bridge = setupBridge({ allowedOrigins: ['https://eu.crm.example'] })
    const { tab, frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame, origin: 'https://eu.crm.example' })
    expect(posts.hellos()).toEqual([
      {
        message: {
          type: 'UCP_HELLO',
          version: 1,
          tabId: tab.id,
          calls: [],
          types: ['CLOSE_CRM_TAB', 'MAKE_CALL'],
        },

        targetOrigin: 'https://eu.crm.example',
      },
    ])
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
  })

  it('does not greet a frame at a disallowed origin, nor warn of its asking, which changes nothing', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const stranger = bridge.container.appendChild(document.createElement('iframe'))
    const posts = [postsTo(frame), postsTo(stranger)]
    bridge.post({ type: 'CRM_HELLO' }, { frame, origin: 'https://evil.example' })
    bridge.post({ type: 'CRM_HELLO' }, { frame, origin: 'null' })
    bridge.post({ type: 'CRM_HELLO' }, { frame: stranger })
    expect(posts.map(({ all }) => all())).toEqual([[], []])
    expect(bridge.onRejected).not.toHaveBeenCalled()
    expect(bridge.logger.warn).not.toHaveBeenCalled()
    expect(bridge.crm.getStats()).toMatchObject({ accepted: 0, ignored: 3 })
  })

  it('answers each CRM_HELLO, so a page that asks again before it hears is greeted again', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    expect(posts.hellos()).toHaveLength(2)
  })
})
