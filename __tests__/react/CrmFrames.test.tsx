import { act, cleanup } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { crmTabActivated, crmTabClosed } from 'ucp-crm-bridge'
import { CrmFrames } from 'ucp-crm-bridge/react'
import { frameOf, setupReactBridge } from './support/renderWithBridge'

afterEach(cleanup)

describe('CrmFrames', () => {
  it('is the #iframe-parent and renders a frame per open tab, showing only the active one', () => {
    const bridge = setupReactBridge()
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.renderUi(<CrmFrames className="content" />)

    const container = document.getElementById('iframe-parent')!
    expect(container.className).toBe('content')
    const frames = [...container.querySelectorAll('iframe')]
    expect(frames.map((frame) => frame.dataset.crmTabId)).toEqual([first.id, second.id])
    expect(frames.map((frame) => frame.hidden)).toEqual([true, false])
    expect(bridge.crm.registry.size).toBe(2)
  })

  it('gives every frame the frameProps, the same for all or made per tab, keeping its own src and tab id', () => {
    const bridge = setupReactBridge()
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.renderUi(
      <CrmFrames
        frameProps={(tab) => ({
          allow: 'clipboard-write',
          referrerPolicy: 'origin',
          sandbox: tab.id === first.id ? 'allow-scripts allow-same-origin' : undefined,
          src: 'https://evil.example/',
        })}
      />,
    )
    const [a, b] = [frameOf(first.id)!, frameOf(second.id)!]
    expect([a.getAttribute('allow'), b.getAttribute('allow')]).toEqual([
      'clipboard-write',
      'clipboard-write',
    ])
    expect(a.getAttribute('referrerpolicy')).toBe('origin')
    expect([a.getAttribute('sandbox'), b.getAttribute('sandbox')]).toEqual([
      'allow-scripts allow-same-origin',
      null,
    ])
    // The tab's own URL, whatever a prop says: a frame shows its tab.
    expect(a.getAttribute('src')).toBe(first.url)
    expect(a.dataset.crmTabId).toBe(first.id)
  })

  it('keeps background tabs mounted, so their pages survive switching tabs', () => {
    const bridge = setupReactBridge({ strict: true })
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.renderUi(<CrmFrames />)
    const before = [frameOf(first.id), frameOf(second.id)]

    act(() => void bridge.store.dispatch(crmTabActivated({ id: first.id })))
    expect(frameOf(first.id)).toBe(before[0])
    expect(frameOf(second.id)).toBe(before[1])
    expect(frameOf(first.id)!.hidden).toBe(false)
    expect(frameOf(second.id)!.hidden).toBe(true)
  })

  it('removes and unregisters the frame of a closed tab', () => {
    const bridge = setupReactBridge({ strict: true })
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.renderUi(<CrmFrames />)

    act(() => void bridge.store.dispatch(crmTabClosed({ id: second.id })))
    expect(frameOf(second.id)).toBeNull()
    expect(bridge.crm.registry.frameFor(second.id)).toBeUndefined()
    expect(frameOf(first.id)!.hidden).toBe(false)
  })

  it('closes exactly the sending tab when two tabs show the same URL', () => {
    const bridge = setupReactBridge({ strict: true })
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.renderUi(<CrmFrames />)

    act(() => bridge.post({ type: 'CLOSE_CRM_TAB' }, frameOf(second.id)))
    expect(bridge.tabIds()).toEqual([first.id])
    expect(frameOf(second.id)).toBeNull()
    expect(document.querySelectorAll('#iframe-parent iframe')).toHaveLength(1)
  })

  it('renders the children it is given instead of every tab', () => {
    const bridge = setupReactBridge()
    bridge.openTab()
    bridge.renderUi(
      <CrmFrames id="frames">
        <p>No frames here</p>
      </CrmFrames>,
    )
    expect(document.getElementById('frames')!.textContent).toBe('No frames here')
    expect(document.querySelectorAll('iframe')).toHaveLength(0)
  })
})
