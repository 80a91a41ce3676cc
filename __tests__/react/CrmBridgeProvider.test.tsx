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
  it('starts the bridge with the react-redux store for the life of the component', () => {
    const crm = createCrmBridge({ telephony: { dial: vi.fn() }, logger: false })
    const store = configureStore({
      reducer: crmReducers,
      middleware: (getDefault) => getDefault().prepend(crm.middleware),
    })
    const start = vi.spyOn(crm, 'start')
    const stop = vi.spyOn(crm, 'stop')
    function Shell() {
      useCrmBridgeLifecycle(crm)
      return null
    }
    const { unmount } = render(
      <StrictMode>
        <Provider store={store}>
          <Shell />
        </Provider>
      </StrictMode>,
    )
    expect(start).toHaveBeenCalledWith(store)
    expect(start.mock.calls.length).toBeGreaterThan(0)
    const removed = vi.spyOn(window, 'removeEventListener')
    unmount()
    expect(removed).toHaveBeenCalledWith('message', expect.any(Function))
    removed.mockRestore()
    expect(stop).not.toHaveBeenCalled() // the stop function of its own session, not a global stop
  })
})
