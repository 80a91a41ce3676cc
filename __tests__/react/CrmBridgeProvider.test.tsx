import { cleanup, render } from '@testing-library/react'
import { StrictMode } from 'react'
import { Provider } from 'react-redux'
import { configureStore } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCrmBridge, crmReducers } from 'ucp-crm-bridge'
import { CrmFrames, useCrmBridge, useCrmBridgeLifecycle } from 'ucp-crm-bridge/react'
import { frameOf, setupReactBridge } from './support/renderWithBridge'

afterEach(cleanup)

const call = { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }
const callCount = (bridge: ReturnType<typeof setupReactBridge>) =>
  bridge.store.getState().crmCalls.length

describe('CrmBridgeProvider', () => {
  it('listens while mounted and stops listening when unmounted', () => {
    const bridge = setupReactBridge()
    const tab = bridge.openTab()
    const { unmount } = bridge.renderUi(<CrmFrames />)
    const frame = frameOf(tab.id)

    bridge.post(call, frame)
    expect(callCount(bridge)).toBe(1)
    expect(bridge.dial).toHaveBeenCalledWith('15551234567', expect.anything())

    // Unmounting removes the frames too, so a message after it comes from no tab: a listener left
    // behind would still count it (as unknown-source) and report it.
    const seen = bridge.crm.getStats()
    unmount()
    bridge.post(call, frame)
    expect(bridge.crm.getStats()).toEqual(seen)
    expect(bridge.onRejected).not.toHaveBeenCalled()
    expect(callCount(bridge)).toBe(1)
  })

  it('handles each message once under StrictMode', () => {
    const bridge = setupReactBridge({ strict: true })
    const tab = bridge.openTab()
    bridge.renderUi(<CrmFrames />)

    bridge.post(call, frameOf(tab.id))
    expect(callCount(bridge)).toBe(1)
    expect(bridge.dial).toHaveBeenCalledTimes(1)
  })

  it('gives its bridge to the components below it', () => {
    const bridge = setupReactBridge()
    let seen: unknown
    function Probe() {
      seen = useCrmBridge()
      return null
    }
    bridge.renderUi(<Probe />)
    expect(seen).toBe(bridge.crm)
  })
})

describe('useCrmBridgeLifecycle', () => {
  it('starts the bridge with the react-redux store for the life of the component, and stops only its own start', () => {
    const crm = createCrmBridge({ telephony: { dial: vi.fn() }, logger: false })
    const store = configureStore({
      reducer: crmReducers,
      middleware: (getDefault) => getDefault().prepend(crm.middleware),
    })
    const other = document.body.appendChild(document.createElement('iframe'))
      .contentWindow as Window
    const listening = (view: Window) => {
      const before = crm.getStats().ignored
      view.dispatchEvent(new MessageEvent('message', { data: { type: 'PING' }, source: view }))
      return crm.getStats().ignored > before
    }
    function Shell() {
      useCrmBridgeLifecycle(crm)
      return null
    }
    const first = render(
      <StrictMode>
        <Provider store={store}>
          <Shell />
        </Provider>
      </StrictMode>,
    )
    expect(listening(window)).toBe(true)
    first.unmount()
    expect(listening(window)).toBe(false)

    // Moved elsewhere meanwhile by the host, the bridge is not stopped by the component's unmount.
    const second = render(
      <Provider store={store}>
        <Shell />
      </Provider>,
    )
    crm.start(store, other)
    second.unmount()
    expect(listening(other)).toBe(true)
    crm.destroy()
  })
})
