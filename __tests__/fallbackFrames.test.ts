// The spec's fallback finds an unregistered frame under #iframe-parent by its data-crm-tab-id or its
// URL. A frame the host re-pointed to another tab's URL never speaks for that tab by a guess.
import { afterEach, describe, expect, it } from 'vitest'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const A = 'https://crm.example.com/contacts/42'
const B = 'https://crm.example.com/deals'
const reasons = () => bridge.onRejected.mock.calls.map(([rejection]) => rejection.reason)

describe('fallback frames re-pointed to another tab’s URL', () => {
  it('refuses as ambiguous-source a frame re-pointed to a URL another frame shows', () => {
    bridge = setupBridge()
    const a = bridge.openTab(A, { register: false })
    const b = bridge.openTab(B, { register: false })
    a.frame.setAttribute('src', B)

    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: a.frame })
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '5550100' } }, { frame: a.frame })
    expect(bridge.tabIds()).toEqual([a.tab.id, b.tab.id])
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(reasons()).toEqual(['ambiguous-source', 'ambiguous-source'])
    // Nor can the tab's own frame be told apart from it now.
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: b.frame })
    expect(bridge.tabIds()).toHaveLength(2)
  })

  it('refuses as unknown-source a frame that names a tab but shows another URL', () => {
    bridge = setupBridge()
    const a = bridge.openTab(A, { register: false, tabIdAttribute: true })
    const b = bridge.openTab(B, { register: false })
    a.frame.setAttribute('src', B)
    b.frame.remove()

    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: a.frame })
    expect(bridge.tabIds()).toEqual([a.tab.id, b.tab.id])
    expect(reasons()).toEqual(['unknown-source'])
  })

  it('still finds a lone frame by the URL it shows, and a named frame at its tab’s URL', () => {
    bridge = setupBridge()
    const a = bridge.openTab(A, { register: false, tabIdAttribute: true })
    const b = bridge.openTab(B, { register: false })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: b.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: a.frame })
    expect(bridge.tabIds()).toEqual([])
    expect(reasons()).toEqual([])
  })
})
