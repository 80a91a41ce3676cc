import { afterEach, describe, expect, it, vi } from 'vitest'
import { selectCrmCalls, type CrmCloseCheck, type CrmRootState } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const call = { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }
const closeRejections = () =>
  bridge.actions.filter((action) => action.type === 'crm/closeRejected').map((a) => a.payload)
const closed = () => bridge.types().filter((type) => type === 'crmTabs/tabClosed')

// The host's rule from the README, written against the store: a tab whose dial has not ended yet
// has a call in progress.
const dialingIn = (state: CrmRootState, tabId: string) =>
  selectCrmCalls(state).some(
    (c) => c.tabId === tabId && (c.status === 'requested' || c.status === 'dialing'),
  )

/** Resolves `true` once no dial is in progress in the tab: the close waits for the call. */
function whenNoDialIn(tabId: string): Promise<boolean> {
  const { store } = bridge
  return new Promise((resolve) => {
    const check = () => {
      if (dialingIn(store.getState(), tabId)) return
      unsubscribe()
      resolve(true)
    }
    const unsubscribe = store.subscribe(check)
    check()
  })
}

/** A softphone whose dials stay in progress until the test ends them. */
function holdDials() {
  const ends: Array<() => void> = []
  bridge.dial.mockImplementation(() => new Promise<void>((resolve) => ends.push(resolve)))
  return () => ends.splice(0).forEach((end) => end())
}

/** A tab whose frame asks for a call, then, the dial still in progress, for its own close. */
function closeWhileDialing() {
  const endDials = holdDials()
  const { tab, frame } = bridge.openTab()
  bridge.post(call, { frame })
  bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
  return { endDials, tab, frame }
}

describe('a close the host vetoes or defers through canClose', () => {
  it('vetoes closing a tab while a dial is in progress in it, as crm/closeRejected', async () => {
    const veto = ({ target, allowedByDefault }: CrmCloseCheck) =>
      allowedByDefault && !dialingIn(bridge.store.getState(), target.id)
    bridge = setupBridge({ canClose: veto })
    const { endDials, tab, frame } = closeWhileDialing()
    await vi.waitFor(() =>
      expect(closeRejections()).toEqual([
        expect.objectContaining({ id: tab.id, reason: 'not-permitted' }),
      ]),
    )
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'not-permitted', tabId: tab.id }),
    )

    // Once the dial ended, the same request closes the tab.
    endDials()
    await bridge.requestsSettled() // the call placed
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([]))
  })

  it('defers closing a tab until the dial in it has ended, then closes it', async () => {
    const canClose = vi.fn(
      ({ target, allowedByDefault }: CrmCloseCheck) => allowedByDefault && whenNoDialIn(target.id),
    )
    bridge = setupBridge({ canClose })
    const { endDials, tab } = closeWhileDialing()
    // The host was asked, and answered with a promise that waits for the call.
    await vi.waitFor(() => expect(canClose).toHaveBeenCalledTimes(1))
    expect(bridge.tabIds()).toEqual([tab.id])
    expect(closeRejections()).toEqual([])

    endDials()
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([]))
    // The outcome in the log: the call placed, then the deferred close.
    expect(bridge.types().slice(-2)).toEqual(['crmCalls/callPlaced', 'crmTabs/tabClosed'])
  })

  it('closes other tabs at once while one tab’s close waits for its call', async () => {
    bridge = setupBridge({
      canClose: ({ target, allowedByDefault }) => allowedByDefault && whenNoDialIn(target.id),
    })
    holdDials()
    const busy = bridge.openTab('https://crm.example.com/busy')
    const idle = bridge.openTab('https://crm.example.com/idle')
    bridge.post(call, { frame: busy.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: busy.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: idle.frame })
    await vi.waitFor(() => expect(bridge.tabIds()).toEqual([busy.tab.id]))
  })
})

describe('closing a tab that is already closed', () => {
  it('refuses a close by id of a tab that already closed, with unknown-tab', async () => {
    bridge = setupBridge()
    const sender = bridge.openTab('https://crm.example.com/a')
    const target = bridge.openTab('https://crm.example.com/b')
    const byId = { type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id } }
    bridge.post(byId, { frame: sender.frame })
    await bridge.requestsSettled()
    bridge.post(byId, { frame: sender.frame })
    await bridge.requestsSettled()
    // And UCP's own close of it is a no-op that says so.
    expect(bridge.store.dispatch(bridge.crm.closeTab(target.tab.id))).toBe(false)
    expect(bridge.tabIds()).toEqual([sender.tab.id])
    expect(closed()).toHaveLength(1)
    expect(closeRejections()).toEqual([
      { requestId: expect.any(String), id: target.tab.id, reason: 'unknown-tab' },
    ])
  })

  it('turns away a close from the frame of a closed tab, which is no tab’s frame any more', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    const before = bridge.actions.length
    // UCP has not removed the iframe yet: its page sends the close again.
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(bridge.actions).toHaveLength(before)
    expect(bridge.onRejected).toHaveBeenLastCalledWith(
      expect.objectContaining({ reason: 'unknown-source', type: 'CLOSE_CRM_TAB' }),
    )
  })
})

describe('two close requests for one tab in the same tick', () => {
  it('closes it once when its frame sends two closes', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    expect(closed()).toHaveLength(1)
  })

  it('closes it once when two tabs name it, and refuses the second as unknown-tab', async () => {
    bridge = setupBridge()
    const first = bridge.openTab('https://crm.example.com/a')
    const second = bridge.openTab('https://crm.example.com/b')
    const target = bridge.openTab('https://crm.example.com/c')
    const byId = { type: 'CLOSE_CRM_TAB', payload: { id: target.tab.id } }
    bridge.post(byId, { frame: first.frame })
    bridge.post(byId, { frame: second.frame })
    await bridge.requestsSettled()
    expect(closed()).toHaveLength(1)
    expect(closeRejections()).toEqual([expect.objectContaining({ reason: 'unknown-tab' })])
  })

  it.each([
    ['a canClose that answers at once', () => true],
    ['a canClose that answers with a promise', () => Promise.resolve(true)],
  ])('closes it once with %s, though both requests were accepted', async (_name, canClose) => {
    bridge = setupBridge({ canClose: vi.fn(canClose) })
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: tab.id } }, { frame })
    await bridge.requestsSettled()
    // Both were accepted before either was decided; the second finds the tab gone.
    expect(bridge.types().filter((type) => type === 'crm/closeRequested')).toHaveLength(2)
    expect(closed()).toHaveLength(1)
    expect(closeRejections()).toEqual([
      expect.objectContaining({ id: tab.id, reason: 'unknown-tab' }),
    ])
  })
})
