import { cleanup, render } from '@testing-library/react'
import { createRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CrmBridgeError } from 'ucp-crm-bridge'
import { CrmFrames, CrmTabFrame } from 'ucp-crm-bridge/react'
import { CRM_URL, frameOf, setupReactBridge } from './support/renderWithBridge'

afterEach(cleanup)

describe('CrmTabFrame', () => {
  it('renders the tab URL tagged with the tab id and registers that iframe while mounted', () => {
    const bridge = setupReactBridge()
    const tab = bridge.openTab()
    const { unmount } = bridge.renderUi(
      <CrmFrames>
        <CrmTabFrame tab={tab} className="crm" />
      </CrmFrames>,
    )

    const frame = frameOf(tab.id)!
    expect(frame.getAttribute('src')).toBe(tab.url)
    expect(frame.title).toBe('Contact 42')
    expect(frame.className).toBe('crm')
    expect(frame.parentElement?.id).toBe('iframe-parent')
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(frame)
    expect(bridge.crm.registry.tabIdFor(frame.contentWindow)).toBe(tab.id)

    unmount()
    expect(bridge.crm.registry.size).toBe(0)
  })

  it('is obeyed by a bare close from its own window', () => {
    const bridge = setupReactBridge()
    const tab = bridge.openTab()
    const other = bridge.openTab()
    bridge.renderUi(<CrmFrames />)

    bridge.post({ type: 'CLOSE_CRM_TAB' }, frameOf(tab.id))
    expect(bridge.tabIds()).toEqual([other.id])
    expect(bridge.onRejected).not.toHaveBeenCalled()
  })

  it('ends registered under StrictMode’s mount, unmount and mount again, and unregistered after unmount', () => {
    const bridge = setupReactBridge({ strict: true })
    const tab = bridge.openTab()
    const { unmount } = bridge.renderUi(<CrmTabFrame tab={tab} />)

    expect(bridge.crm.registry.size).toBe(1)
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(frameOf(tab.id))

    unmount()
    expect(bridge.crm.registry.size).toBe(0)
  })

  it('registers the new iframe when its key changes, and the old one no longer speaks for the tab', () => {
    const bridge = setupReactBridge({ strict: true })
    const tab = bridge.openTab()
    bridge.renderUi(<CrmTabFrame key="first" tab={tab} />)
    const first = frameOf(tab.id)!

    bridge.rerenderUi(<CrmTabFrame key="second" tab={tab} />)
    const second = frameOf(tab.id)!
    expect(second).not.toBe(first)
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(second)
    expect(bridge.crm.registry.size).toBe(1)
  })

  it('follows the frame when it is re-parented into another element', () => {
    const bridge = setupReactBridge({ strict: true })
    const tab = bridge.openTab()
    const frame = <CrmTabFrame tab={tab} />
    bridge.renderUi(<section>{frame}</section>)
    bridge.rerenderUi(
      <CrmFrames>
        <div>{frame}</div>
      </CrmFrames>,
    )

    const moved = frameOf(tab.id)!
    expect(moved.closest('#iframe-parent')).not.toBeNull()
    expect(document.querySelectorAll('iframe')).toHaveLength(1)
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(moved)
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }, moved)
    expect(bridge.store.getState().crmCalls).toHaveLength(1)
  })

  it('moves its registration to the new tab when the same element is given another tab', () => {
    const bridge = setupReactBridge({ strict: true })
    const first = bridge.openTab()
    const second = bridge.openTab('https://crm.example.com/deals', 'Deals')
    bridge.renderUi(<CrmTabFrame tab={first} />)
    const element = frameOf(first.id)!

    bridge.rerenderUi(<CrmTabFrame tab={second} />)
    expect(frameOf(second.id)).toBe(element)
    expect(bridge.crm.registry.frameFor(first.id)).toBeUndefined()
    expect(bridge.crm.registry.frameFor(second.id)).toBe(element)
  })

  it('does not unregister a newer frame of the same tab when an older one unmounts', () => {
    const bridge = setupReactBridge()
    const tab = bridge.openTab()
    bridge.renderUi(
      <>
        <CrmTabFrame key="old" tab={tab} />
        <CrmTabFrame key="new" tab={tab} />
      </>,
    )
    const newer = bridge.crm.registry.frameFor(tab.id)
    expect(newer).toBe(document.querySelectorAll('iframe')[1])

    bridge.rerenderUi(<CrmTabFrame key="new" tab={tab} />)
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(newer)
  })

  it('throws a CrmBridgeError outside of a CrmBridgeProvider', () => {
    const tab = { id: 't', url: 'https://crm.example.com/', title: 'x' }
    // React reports the thrown error on the console before rethrowing it.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const outside = () => render(<CrmTabFrame tab={tab} />)
    expect(outside).toThrow(CrmBridgeError)
    expect(outside).toThrow(expect.objectContaining({ code: 'no-provider' }))
    expect(outside).toThrow(/inside <CrmBridgeProvider>/)
    quiet.mockRestore()
  })

  it('never renders a src that is not an absolute http(s) URL, from the tab or a prop', () => {
    const bridge = setupReactBridge()
    const errors = vi.spyOn(console, 'error')
    // A tab that reached the store without crmTabOpened's check, as a restored state could bring.
    const restored = { id: 'restored', url: 'javascript:parent.__ran = true', title: 'Restored' }
    bridge.renderUi(
      <CrmFrames>
        <CrmTabFrame tab={restored} />
        <CrmTabFrame tab={{ ...restored, id: 'data', url: 'data:text/html,<p>x</p>' }} />
        <CrmTabFrame tab={{ ...restored, id: 'blank', url: ' JAVASCRIPT:parent.__ran = true' }} />
        <CrmTabFrame tab={{ ...restored, id: 'prop', url: CRM_URL }} src="javascript:void 0" />
        <CrmTabFrame tab={{ ...restored, id: 'good', url: CRM_URL }} src={`${CRM_URL}?pane=1`} />
      </CrmFrames>,
    )
    const srcs = [...document.querySelectorAll('iframe')].map((frame) => frame.getAttribute('src'))
    expect(srcs).toEqual([null, null, null, null, `${CRM_URL}?pane=1`])
    // React 18 warns of a javascript: URL it renders, and React 19 of one it blocks: neither is asked to.
    expect(errors).not.toHaveBeenCalled()
    errors.mockRestore()
  })

  it('forwards its ref to the iframe element, an object ref or a callback', () => {
    const bridge = setupReactBridge({ strict: true })
    const tab = bridge.openTab()
    const object = createRef<HTMLIFrameElement>()
    const seen: (HTMLIFrameElement | null)[] = []
    const errors = vi.spyOn(console, 'error')
    const { unmount } = bridge.renderUi(
      <>
        <CrmTabFrame tab={tab} ref={object} />
        <CrmTabFrame
          key="second"
          tab={bridge.openTab()}
          ref={(element) => void seen.push(element)}
        />
      </>,
    )
    const [first, second] = document.querySelectorAll('iframe')
    expect(object.current).toBe(first)
    expect(seen.at(-1)).toBe(second)
    // The registration still follows the element the ref points at.
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(object.current)
    expect(errors).not.toHaveBeenCalled() // React 18 warns when a ref reaches a plain function component
    unmount()
    expect(object.current).toBeNull()
    expect(seen.at(-1)).toBeNull()
    errors.mockRestore()
  })
})
