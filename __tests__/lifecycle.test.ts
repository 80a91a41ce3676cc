import { configureStore } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CrmBridgeError, createCrmBridge, crmReducers } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

afterEach(() => vi.restoreAllMocks())

function makeStore(crm: ReturnType<typeof createCrmBridge>) {
  return configureStore({
    reducer: crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
}

describe('bridge lifecycle', () => {
  it('adds one message listener on start and removes it on stop', () => {
    const crm = createCrmBridge({ telephony: { dial: vi.fn() } })
    const store = makeStore(crm)
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const stop = crm.start(store)
    expect(add.mock.calls.map(([type]) => type)).toEqual(['message'])
    stop()
    expect(remove).toHaveBeenCalledWith('message', add.mock.calls[0]?.[1])
    stop()
    expect(remove).toHaveBeenCalledTimes(1)
    crm.destroy()
  })

  it('handles each message once when started twice with the same store', () => {
    const bridge = setupBridge()
    const { frame } = bridge.openTab()
    expect(bridge.crm.start(bridge.store)).toBe(bridge.stop)
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '1' } }, { frame })
    expect(bridge.dial).toHaveBeenCalledTimes(1)
    bridge.crm.destroy()
  })

  it('moves to another window when started again with it, leaving no listener behind', () => {
    const crm = createCrmBridge({ telephony: { dial: vi.fn() } })
    const store = makeStore(crm)
    const other = document.body.appendChild(document.createElement('iframe'))
      .contentWindow as Window
    const add = vi.spyOn(window, 'addEventListener')
    const remove = vi.spyOn(window, 'removeEventListener')
    const firstStop = crm.start(store)
    crm.start(store, other)
    expect(remove).toHaveBeenCalledWith('message', add.mock.calls[0]?.[1])
    firstStop()
    expect(remove).toHaveBeenCalledTimes(1)
    crm.destroy()
  })

  it('listens on the window it is given', () => {
    const other = document.body.appendChild(document.createElement('iframe'))
      .contentWindow as Window
    const add = vi.spyOn(other, 'addEventListener')
    const crm = createCrmBridge({ telephony: { dial: vi.fn() } })
    crm.start(makeStore(crm), other)
    expect(add).toHaveBeenCalledWith('message', expect.any(Function))
    crm.destroy()
  })

  it('refuses to start again once destroyed, at once and with a CrmBridgeError', () => {
    const bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.crm.destroy()
    const restart = () => bridge.crm.start(bridge.store)
    expect(restart).toThrow(CrmBridgeError)
    expect(restart).toThrow(expect.objectContaining({ code: 'destroyed' }))
    // Nothing listens, so nothing is counted as accepted that nothing would dial or answer. `post`
    // returns once the window's listeners ran, and a listener left behind would have dispatched
    // the request and called the softphone before returning.
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '1' } }, { frame })
    expect(bridge.crm.getStats()).toEqual({ accepted: 0, rejected: {}, ignored: 0 })
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.dial).not.toHaveBeenCalled()
  })

  it('tears down completely on destroy: no listener, no frame, no reaction', () => {
    const bridge = setupBridge()
    const { frame, tab } = bridge.openTab()
    bridge.crm.destroy()
    expect(bridge.crm.registry.size).toBe(0)
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    bridge.store.dispatch({
      type: 'crm/closeRequested',
      payload: {},
      meta: { origin: 'x', tabId: tab.id, requestId: 'r', receivedAt: 0 },
    })
    expect(bridge.tabIds()).toEqual([tab.id])
  })
})

describe('bridge options', () => {
  it('refuses a missing dial function', () => {
    expect(() => createCrmBridge({} as never)).toThrow(CrmBridgeError)
  })

  it('refuses an allowedOrigins entry that is not an origin', () => {
    for (const bad of ['https://crm.example.com/', 'crm.example.com', '*', 'null']) {
      expect(() =>
        createCrmBridge({ telephony: { dial: vi.fn() }, allowedOrigins: [bad] }),
      ).toThrow(expect.objectContaining({ code: 'invalid-option' }))
    }
  })

  it('refuses hooks that are not functions', () => {
    for (const hook of ['onRejected', 'onError', 'onOutcome', 'canClose']) {
      expect(() =>
        createCrmBridge({ telephony: { dial: vi.fn() }, [hook]: 'log' as never }),
      ).toThrow(
        expect.objectContaining({ code: 'invalid-option', message: expect.stringContaining(hook) }),
      )
    }
  })

  it('warns through console in development builds unless told otherwise', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const crm = createCrmBridge({ telephony: { dial: vi.fn() } })
    const stop = crm.start(makeStore(crm))
    window.dispatchEvent(
      new MessageEvent('message', { data: { type: 'CLOSE_CRM_TAB' }, origin: 'https://x.example' }),
    )
    expect(warn.mock.calls).toEqual([[expect.stringContaining('unknown-source')]])
    stop()
    const quiet = createCrmBridge({ telephony: { dial: vi.fn() }, logger: false })
    const stopQuiet = quiet.start(makeStore(quiet))
    window.dispatchEvent(
      new MessageEvent('message', { data: { type: 'CLOSE_CRM_TAB' }, origin: 'https://x.example' }),
    )
    expect(warn).toHaveBeenCalledTimes(1)
    stopQuiet()
  })
})
