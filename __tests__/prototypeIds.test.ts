// Ids that come from messages name tabs by own keys only: the names of Object.prototype's
// properties are no tab, wherever an id is looked up.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  crmTabActivated,
  crmTabClosed,
  selectActiveCrmTab,
  selectCrmTabById,
  type CrmCloseCheck,
} from 'ucp-crm-bridge'
import { CRM_ORIGIN, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

describe('prototype names as tab ids', () => {
  it.each(PROTOTYPE_NAMES)(
    'answers a close of %s with unknown-tab, asking canClose nothing and closing nothing',
    async (id) => {
      const canClose = vi.fn((_check: CrmCloseCheck) => true)
      bridge = setupBridge({ canClose })
      const { tab, frame } = bridge.openTab()
      const posted = vi.spyOn(frame.contentWindow as Window, 'postMessage')
      bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id }, requestId: 'c-1' }, { frame })
      await bridge.requestsSettled()

      expect(canClose).not.toHaveBeenCalled()
      expect(bridge.tabIds()).toEqual([tab.id])
      expect(bridge.types()).not.toContain('crmTabs/tabClosed')
      expect(bridge.actions.at(-1)).toMatchObject({
        type: 'crm/closeRejected',
        payload: { id, reason: 'unknown-tab' },
      })
      expect(posted).toHaveBeenCalledWith(
        expect.objectContaining({
          requestId: 'c-1',
          ok: false,
          error: expect.objectContaining({ code: 'unknown-tab' }),
        }),
        CRM_ORIGIN,
      )
      expect(bridge.onRejected).toHaveBeenCalledWith(
        expect.objectContaining({ reason: 'unknown-tab', tabId: tab.id }),
      )
    },
  )

  it('finds no tab by such an id in the selectors, the close thunk, the reducers or the registry', () => {
    bridge = setupBridge()
    const { tab, frame } = bridge.openTab()
    for (const id of PROTOTYPE_NAMES) {
      expect(selectCrmTabById(bridge.store.getState(), id)).toBeUndefined()
      expect(bridge.store.dispatch(bridge.crm.closeTab(id))).toBe(false)
      bridge.store.dispatch(crmTabActivated({ id }))
      bridge.store.dispatch(crmTabClosed({ id }))
      expect(bridge.crm.registry.frameFor(id)).toBeUndefined()
    }
    const state = bridge.store.getState()
    expect(state.crmTabs.activeId).toBe(tab.id)
    expect(selectActiveCrmTab(state)).toBe(state.crmTabs.entities[tab.id])
    expect(state.crmTabs.ids).toEqual([tab.id])
    expect(bridge.crm.registry.frameFor(tab.id)).toBe(frame)
    expect(Object.getPrototypeOf(state.crmTabs.entities)).toBe(null)
  })

  it('gives canClose only open tabs, never a prototype, when the sender names itself by such an id', async () => {
    const canClose = vi.fn((_check: CrmCloseCheck) => false)
    bridge = setupBridge({ canClose })
    const { frame } = bridge.openTab()
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: '__proto__' } }, { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })
    await bridge.requestsSettled()
    expect(canClose).toHaveBeenCalledTimes(1)
    const { target, sender } = canClose.mock.calls[0]![0]
    expect(Object.hasOwn(bridge.store.getState().crmTabs.entities, target.id)).toBe(true)
    expect(target).toBe(sender)
  })
})
