import { configureStore } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCrmBridge, crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { setupBridge } from '../support/harness'

afterEach(() => vi.restoreAllMocks())

type Call = [type: string, listener: unknown]
/** Every add and remove of an event listener, on any target, with the target it was made on. */
function watchListeners() {
  const added: Array<{ target: EventTarget; call: Call }> = []
  const removed: typeof added = []
  // jsdom's window has the methods as its own properties; elements get them from the prototype.
  for (const owner of [EventTarget.prototype, window]) {
    const add = owner.addEventListener
    const remove = owner.removeEventListener
    vi.spyOn(owner, 'addEventListener').mockImplementation(function (this: EventTarget, ...args) {
      added.push({ target: this ?? window, call: [args[0], args[1]] })
      return add.apply(this ?? window, args)
    })
    vi.spyOn(owner, 'removeEventListener').mockImplementation(function (
      this: EventTarget,
      ...args
    ) {
      removed.push({ target: this ?? window, call: [args[0], args[1]] })
      return remove.apply(this ?? window, args)
    })
  }
  /** Listeners added and not removed since `watchListeners` was called. */
  const left = () =>
    added.filter(
      (a) =>
        !removed.some(
          (r) => r.target === a.target && r.call[0] === a.call[0] && r.call[1] === a.call[1],
        ),
    )
  return { added, left }
}

const iframe = () => document.body.appendChild(document.createElement('iframe'))

describe('the listeners the bridge added', () => {
  it('stop() removes the window’s message listener; destroy() every frame’s load listener too', () => {
    const crm = createCrmBridge({ telephony: { dial: vi.fn() }, logger: false })
    const store = configureStore({
      reducer: crmReducers,
      middleware: (getDefault) => getDefault().prepend(crm.middleware),
    })
    const open = () => store.dispatch(crmTabOpened({ url: 'https://crm.example.com/' })).payload.id
    const [first, second, third] = [open(), open(), open()]
    const listeners = watchListeners()
    crm.registry.register(first, iframe())
    const stop = crm.start(store)
    const replaced = iframe()
    crm.registry.register(second, replaced)
    crm.registry.register(second, iframe()) // the tab's frame replaced
    const unregister = crm.registry.register(third, iframe())
    unregister()

    const targets = listeners.added.map(({ target, call }) => [
      target === window ? 'window' : 'frame',
      call[0],
    ])
    expect(targets).toEqual([
      ['frame', 'load'],
      ['window', 'message'],
      ['frame', 'load'],
      ['frame', 'load'],
      ['frame', 'load'],
    ])
    expect(listeners.left()).toHaveLength(3) // window, first and second's new frame
    // Stopped, it hears no message; its frames' pages are still followed, for the answers owed.
    stop()
    expect(listeners.left().map(({ call }) => call[0])).toEqual(['load', 'load'])
    crm.destroy()
    expect(listeners.left()).toEqual([])

    // Destroyed, it watches nothing new.
    crm.registry.register(open(), iframe())
    expect(listeners.added).toHaveLength(5)
  })
})

describe('messages from windows that are gone', () => {
  it.each([
    ['a null source', false],
    ['a frame just removed from the DOM, tab still open', true],
  ])('handles a message from %s quietly: no throw, no action, no answer', (_name, removeFrame) => {
    const add = vi.spyOn(window, 'addEventListener')
    const bridge = setupBridge()
    const listener = add.mock.calls.find(([type]) => type === 'message')![1] as (
      event: MessageEvent,
    ) => void
    const { tab, frame } = bridge.openTab()
    const view = frame.contentWindow!
    const posted = vi.spyOn(view, 'postMessage')
    if (removeFrame) {
      frame.remove()
      // As in browsers, where a removed iframe has no window; jsdom would keep it.
      Object.defineProperty(frame, 'contentWindow', { value: null })
    }
    const source = removeFrame ? view : null
    for (const data of [
      { type: 'MAKE_CALL', payload: { destination: '5550100' }, requestId: 'r-1' },
      { type: 'CLOSE_CRM_TAB', requestId: 'r-2' },
    ]) {
      // Called directly: whatever it threw would fail the test (jsdom's dispatch swallows throws).
      expect(() =>
        listener({ data, origin: 'https://crm.example.com', source } as MessageEvent),
      ).not.toThrow()
    }
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(posted).not.toHaveBeenCalled()
    expect(bridge.crm.getStats().rejected).toEqual({ 'unknown-source': 2 })
    bridge.crm.destroy()
  })
})
