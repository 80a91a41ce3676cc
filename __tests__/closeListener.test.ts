import { afterEach, describe, expect, it, vi } from 'vitest'
import { CRM_ORIGIN, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const closeRejected = () => bridge.actions.filter((action) => action.type === 'crm/closeRejected')

describe('close listener', () => {
  it('closes the sender, unregisters its frame, and dispatches crmTabs/tabClosed', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.types()).toEqual(['crmTabs/tabOpened', 'crm/closeRequested', 'crmTabs/tabClosed'])
    expect(bridge.actions[2]).toMatchObject({ payload: { id: tab.id } })
    expect(bridge.crm.registry.frameFor(tab.id)).toBeUndefined()
  })

  it('closes a tab named by id when it is the sender’s own origin', () => {
    bridge = setupBridge()
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://crm.example.com/b')
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id } }, { frame: sender.frame })
    expect(bridge.tabIds()).toEqual([sender.tab.id])
  })

  it('refuses to close a tab of another origin by id, as an action and a report', () => {
    bridge = setupBridge()
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://other-crm.example/b')
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id } }, { frame: sender.frame })
    expect(bridge.tabIds()).toHaveLength(2)
    expect(closeRejected()).toEqual([
      expect.objectContaining({
        payload: { requestId: expect.any(String), id: target.tab.id, reason: 'not-permitted' },
        meta: { origin: CRM_ORIGIN, tabId: sender.tab.id },
      }),
    ])
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'not-permitted' }),
    )
  })

  it('refuses a close by id from an origin allowed to speak for the sender, of a tab it does not own', async () => {
    const IDP = 'https://idp.example'
    const canClose = vi.fn(
      ({ allowedByDefault }: { allowedByDefault: boolean }) => allowedByDefault,
    )
    bridge = setupBridge({ allowedOrigins: [IDP], canClose })
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://crm.example.com/b')
    const idpTab = bridge.openTab(`${IDP}/account`)
    // The sender's frame, now at the identity provider: allowed to speak for its tab, not to own
    // the other tabs of that tab's origin.
    const asIdp = { frame: sender.frame, origin: IDP }
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id } }, asIdp)
    await bridge.requestsSettled()
    expect(bridge.tabIds()).toContain(target.tab.id)
    expect(canClose).toHaveBeenLastCalledWith(
      expect.objectContaining({ target: target.tab, allowedByDefault: false, origin: IDP }),
    )
    expect(closeRejected()[0]).toMatchObject({ payload: { reason: 'not-permitted' } })
    // A tab of the message's own origin, and the sender's own tab, it may close.
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: idpTab.tab.id } }, asIdp)
    await bridge.requestsSettled()
    expect(canClose).toHaveBeenLastCalledWith(expect.objectContaining({ allowedByDefault: true }))
    bridge.post({ type: 'CLOSE_CRM_TAB' }, asIdp)
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([target.tab.id]))
  })

  it('ends a close of an unknown id in crm/closeRejected with unknown-tab', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post(
      { type: 'CLOSE_CRM_TAB', payload: { id: '550e8400-e29b-41d4-a716-446655440000' } },
      { frame },
    )
    expect(bridge.tabIds()).toHaveLength(1)
    expect(closeRejected()[0]).toMatchObject({ payload: { reason: 'unknown-tab' } })
  })

  it('links the rejection to its request by requestId', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: 'gone' } }, { frame })
    const requested = bridge.actions.find((action) => action.type === 'crm/closeRequested')
    expect(closeRejected()[0]?.payload).toMatchObject({
      requestId: (requested?.meta as { requestId: string }).requestId,
    })
  })

  it('lets canClose widen the rule to another origin’s tab', async () => {
    bridge = setupBridge({
      canClose: ({ allowedByDefault, target }) =>
        allowedByDefault || target.url.startsWith('https://other-crm.example/'),
    })
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://other-crm.example/b')
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id } }, { frame: sender.frame })
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([sender.tab.id]))
  })

  it('lets canClose veto a close, even of the sender itself', async () => {
    const canClose = vi.fn(() => false)
    bridge = setupBridge({ canClose })
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    await bridge.requestsSettled()
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(canClose).toHaveBeenCalledWith(
      expect.objectContaining({
        explicit: false,
        allowedByDefault: true,
        origin: CRM_ORIGIN,
        target: tab,
        sender: tab,
      }),
    )
    expect(closeRejected()[0]).toMatchObject({ payload: { reason: 'not-permitted' } })
  })

  it('waits for a canClose that answers with a promise', async () => {
    let answer!: (value: boolean) => void
    const canClose = vi.fn(() => new Promise<boolean>((resolve) => (answer = resolve)))
    bridge = setupBridge({ canClose })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    // A later message carried out: the close had every chance to go on meanwhile.
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '100' } }, { frame })
    await vi.waitFor(() => expect(bridge.outcomes).toHaveLength(1))
    expect(bridge.outcomes[0]).toMatchObject({ type: 'MAKE_CALL' })
    expect(canClose).toHaveBeenCalledTimes(1)
    expect(bridge.tabIds()).toHaveLength(1)
    answer(true)
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([]))
  })

  it('reports unknown-tab when the tab closed while canClose was deciding', async () => {
    let answer!: (value: boolean) => void
    bridge = setupBridge({ canClose: () => new Promise<boolean>((resolve) => (answer = resolve)) })
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    bridge.store.dispatch(bridge.crm.closeTab(tab.id))
    answer(true)
    await bridge.requestsSettled()
    expect(closeRejected()[0]).toMatchObject({ payload: { reason: 'unknown-tab' } })
    expect(bridge.types().filter((type) => type === 'crmTabs/tabClosed')).toHaveLength(1)
  })
})

describe('close thunk', () => {
  it('closes a tab for UCP’s own close button and says whether it did', () => {
    bridge = setupBridge()
    const { tab } = bridge.openTab()
    expect(bridge.store.dispatch(bridge.crm.closeTab(tab.id))).toBe(true)
    expect(bridge.store.dispatch(bridge.crm.closeTab(tab.id))).toBe(false)
    expect(bridge.crm.registry.size).toBe(0)
    expect(bridge.types().filter((type) => type === 'crmTabs/tabClosed')).toHaveLength(1)
  })
})
