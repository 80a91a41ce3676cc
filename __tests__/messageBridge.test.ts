import { afterEach, describe, expect, it, vi } from 'vitest'
import { selectCrmCalls } from 'ucp-crm-bridge'
import { CRM_ORIGIN, CRM_URL, setupBridge, ucpDial } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

describe('message bridge: accepted messages', () => {
  it('turns a bare CLOSE_CRM_TAB into one crm/closeRequested from the sender, then closes it', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    const requested = bridge.actions.find((action) => action.type === 'crm/closeRequested')
    expect(requested).toMatchObject({ payload: {}, meta: { origin: CRM_ORIGIN, tabId: tab.id } })
    expect(bridge.tabIds()).toEqual([])
  })

  it('turns MAKE_CALL into telephony/makeCallRequested with the digits only', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }, { frame })
    const requested = bridge.actions.find((action) => action.type === 'telephony/makeCallRequested')
    expect(requested).toMatchObject({
      payload: { destination: '15551234567' },
      meta: { origin: CRM_ORIGIN, tabId: tab.id },
    })
    expect(bridge.dial).toHaveBeenCalledWith(
      '15551234567',
      expect.objectContaining({ tabId: tab.id }),
    )
  })

  it('gives every accepted message a request id and a time of receipt in its meta', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '100' } }, { frame })
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '101' } }, { frame })
    const metas = bridge.actions
      .filter((action) => action.type === 'telephony/makeCallRequested')
      .map((action) => action.meta as { requestId: string; receivedAt: number })
    expect(metas).toHaveLength(2)
    expect(metas[0]?.requestId).not.toBe(metas[1]?.requestId)
    expect(metas.every((meta) => typeof meta.receivedAt === 'number')).toBe(true)
  })

  it('ignores extra fields it does not know, so a newer CRM page still works', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { reason: 'done' }, sentAt: 1 }, { frame })
    expect(bridge.tabIds()).toEqual([])
  })

  it('accepts an origin from allowedOrigins for any tab', () => {
    bridge = setupBridge({ allowedOrigins: ['https://static.crm.example.com'] })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame, origin: 'https://static.crm.example.com' })
    expect(bridge.tabIds()).toEqual([])
  })

  it('accepts an origin that the allowedOrigins predicate allows for that tab', () => {
    bridge = setupBridge({
      allowedOrigins: (origin, tab) => origin === 'https://eu.crm.example' && tab.url === CRM_URL,
    })
    const { frame } = bridge.openTab()
    bridge.post(
      { type: 'MAKE_CALL', payload: { destination: '7' } },
      { frame, origin: 'https://eu.crm.example' },
    )
    expect(bridge.dial).toHaveBeenCalledTimes(1)
  })
})

describe('message bridge: who may send', () => {
  it('drops messages from frames that are not CRM tabs', () => {
    bridge = setupBridge()
    bridge.openTab()
    const stranger = document.createElement('iframe')
    document.body.append(stranger)
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: stranger })
    expect(bridge.tabIds()).toHaveLength(1)
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.onRejected).toHaveBeenCalledWith({
      reason: 'unknown-source',
      type: 'CLOSE_CRM_TAB',
      origin: CRM_ORIGIN,
    })
  })

  it('drops messages from the top window itself and from a null source', () => {
    bridge = setupBridge()
    bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: null })
    expect(bridge.tabIds()).toHaveLength(1)
    expect(bridge.onRejected.mock.calls.map(([r]) => r.reason)).toEqual([
      'unknown-source',
      'unknown-source',
    ])
  })

  it('drops a tab frame whose origin is not its tab origin, as after navigating elsewhere', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame, origin: 'https://evil.example' })
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(bridge.onRejected).toHaveBeenCalledWith({
      reason: 'origin-not-allowed',
      type: 'CLOSE_CRM_TAB',
      origin: 'https://evil.example',
      tabId: tab.id,
    })
  })

  it('never allows the opaque origin "null" by default', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame, origin: 'null' })
    expect(bridge.tabIds()).toHaveLength(1)
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'origin-not-allowed' }),
    )
  })

  it('drops a registered frame whose tab is no longer open', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.store.dispatch({ type: 'crmTabs/tabClosed', payload: { id: tab.id } })
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '1' } }, { frame })
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'unknown-source' }),
    )
  })

  it('finds an unregistered frame under #iframe-parent by its data-crm-tab-id, as the spec falls back', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab(CRM_URL, { register: false, tabIdAttribute: true })
    bridge.openTab(CRM_URL, { register: false, tabIdAttribute: true })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.tabIds()).not.toContain(tab.id)
    expect(bridge.tabIds()).toHaveLength(1)
  })

  it('finds an unregistered frame by its URL when exactly one tab has that URL', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab('https://crm.example.com/a', { register: false })
    const other = bridge.openTab('https://crm.example.com/b', { register: false })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.tabIds()).toEqual([other.tab.id])
  })

  it('refuses rather than guesses when several open tabs share the frame URL', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab(CRM_URL, { register: false })
    bridge.openTab(CRM_URL, { register: false })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.tabIds()).toHaveLength(2)
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'ambiguous-source' }),
    )
  })

  it('never lets a stray frame speak for a tab that has a registered frame', () => {
    bridge = setupBridge()
    const { tab } = bridge.openTab(CRM_URL)
    const strayByUrl = bridge.openTab(CRM_URL, { register: false })
    bridge.store.dispatch({ type: 'crmTabs/tabClosed', payload: { id: strayByUrl.tab.id } })
    const strayById = document.createElement('iframe')
    strayById.setAttribute('data-crm-tab-id', tab.id)
    bridge.container.append(strayById)
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: strayByUrl.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: strayById })
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(bridge.onRejected.mock.calls.map(([r]) => r.reason)).toEqual([
      'unknown-source',
      'unknown-source',
    ])
  })

  it('tells two registered frames of the same URL apart', () => {
    bridge = setupBridge()
    const first = bridge.openTab()
    const second = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: second.frame })
    expect(bridge.tabIds()).toEqual([first.tab.id])
  })

  it('does not scan the DOM for frames outside the configured container', () => {
    bridge = setupBridge({ frameContainer: '#elsewhere' })
    const { frame } = bridge.openTab(CRM_URL, { register: false, tabIdAttribute: true })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.tabIds()).toHaveLength(1)
  })
})

describe('message bridge: what is not ours', () => {
  it('ignores quietly messages of other scripts, from anywhere', () => {
    bridge = setupBridge()
    bridge.openTab()
    bridge.post({ type: 'webpackOk' }, { source: window })
    bridge.post({ source: 'react-devtools-bridge', payload: {} }, { source: window })
    bridge.post('setImmediate$0.123', { source: window })
    expect(bridge.onRejected).not.toHaveBeenCalled()
    expect(bridge.logger.warn).not.toHaveBeenCalled()
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
  })

  it('reports an unknown type sent by a CRM tab, which is the CRM page’s mistake, naming it', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TABS' }, { frame })
    expect(bridge.onRejected).toHaveBeenCalledWith({
      reason: 'unknown-type',
      origin: CRM_ORIGIN,
      tabId: tab.id,
      detail: "unknown type 'CLOSE_CRM_TABS'",
    })
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
  })

  it('does nothing once stopped', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.stop()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.tabIds()).toHaveLength(1)
  })

  it('leaves UCP’s own telephony state alone, though UCP has a telephony/dial thunk of its own', async () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const before = bridge.store.getState().telephony
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '5551234' } }, { frame })
    await vi.waitFor(() =>
      expect(selectCrmCalls(bridge.store.getState())[0]?.status).toBe('placed'),
    )
    expect(bridge.store.getState().telephony).toBe(before)
    // UCP's own dial still reaches UCP's reducer: the state above could have changed.
    await bridge.store.dispatch(ucpDial('5551234'))
    expect(bridge.store.getState().telephony).toEqual({ dialsStarted: 1 })
  })
})
