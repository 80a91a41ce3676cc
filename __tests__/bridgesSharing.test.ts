// One request, one effect, however many bridges share a store or a window: each bridge acts only on
// the requests it received (its id in their meta), and one window has one started bridge at a time.
import { configureStore } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  CrmBridgeError,
  createCrmBridge,
  crmMakeCallRequested,
  crmReducers,
  crmTabOpened,
} from 'ucp-crm-bridge'
import { CRM_ORIGIN, CRM_URL, recordActions } from './support/harness'

const bridges: { destroy(): void }[] = []
afterEach(() => bridges.splice(0).forEach((crm) => crm.destroy()))

function makeBridge() {
  const dial = vi.fn()
  const crm = createCrmBridge({ telephony: { dial }, logger: false })
  bridges.push(crm)
  return { crm, dial }
}

/** A store whose middleware holds every bridge given, and one tab whose frame `first` registered. */
function sharedStore(...all: ReturnType<typeof makeBridge>[]) {
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  const { actions, recorder } = recordActions()
  const store = configureStore({
    reducer: crmReducers,
    middleware: (getDefault) =>
      getDefault()
        .prepend(...all.map(({ crm }) => crm.middleware))
        .concat(recorder),
  })
  const open = (owner: ReturnType<typeof makeBridge>) => {
    const tab = store.dispatch(crmTabOpened({ url: CRM_URL })).payload
    const frame = document.createElement('iframe')
    document.getElementById('iframe-parent')!.append(frame)
    owner.crm.registry.register(tab.id, frame)
    return { tab, frame }
  }
  const post = (data: unknown, frame: HTMLIFrameElement) =>
    window.dispatchEvent(
      new MessageEvent('message', { data, origin: CRM_ORIGIN, source: frame.contentWindow }),
    )
  const count = (type: string) => actions.filter((action) => action.type === type).length
  return { store, open, post, count, actions }
}

/** Two bridges' middleware in one store, the first started, with a tab whose frame it registered. */
function twoBridgesSharing() {
  const first = makeBridge()
  const second = makeBridge()
  const shared = sharedStore(first, second)
  first.crm.start(shared.store)
  const { frame } = shared.open(first)
  return { first, second, shared, frame }
}

const call = { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }

describe('bridges sharing a store', () => {
  it('dials once for one MAKE_CALL when two bridges’ middleware are in the store', async () => {
    const { first, second, shared, frame } = twoBridgesSharing()

    shared.post(call, frame)
    await vi.waitFor(() => expect(shared.count('crmCalls/callPlaced')).toBe(1))
    expect(first.dial).toHaveBeenCalledTimes(1)
    expect(second.dial).not.toHaveBeenCalled()
    expect(shared.count('crmCalls/dialStarted')).toBe(1)
    expect(shared.store.getState().crmCalls).toHaveLength(1)
  })

  it('closes once, and refuses nothing, for one CLOSE_CRM_TAB when two bridges share the store', async () => {
    const { shared, frame } = twoBridgesSharing()

    shared.post({ type: 'CLOSE_CRM_TAB' }, frame)
    await vi.waitFor(() => expect(shared.count('crmTabs/tabClosed')).toBe(1))
    expect(shared.count('crm/closeRejected')).toBe(0)
  })

  it('has each bridge act on the requests it received, when both are started on their windows', async () => {
    const first = makeBridge()
    const second = makeBridge()
    const shared = sharedStore(first, second)
    const other = document.body.appendChild(document.createElement('iframe'))
      .contentWindow as Window
    first.crm.start(shared.store)
    second.crm.start(shared.store, other)
    const { frame } = shared.open(first)
    const elsewhere = shared.open(second)

    shared.post(call, frame)
    other.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'MAKE_CALL', payload: { destination: '5550100' } },
        origin: CRM_ORIGIN,
        source: elsewhere.frame.contentWindow,
      }),
    )
    await vi.waitFor(() => expect(shared.count('crmCalls/callPlaced')).toBe(2))
    expect(first.dial.mock.calls.map(([destination]) => destination)).toEqual(['15551234567'])
    expect(second.dial.mock.calls.map(([destination]) => destination)).toEqual(['5550100'])
    // Which bridge received each request is in its meta, plain data for DevTools.
    const bridgeIds = shared.actions
      .filter((action) => action.type === 'telephony/makeCallRequested')
      .map((action) => (action.meta as { bridgeId: string }).bridgeId)
    expect(bridgeIds).toEqual([expect.any(String), expect.any(String)])
    expect(new Set(bridgeIds).size).toBe(2)
  })

  it('acts on no request made outside a bridge, as a test or DevTools’ dispatcher would make one', async () => {
    const first = makeBridge()
    const shared = sharedStore(first)
    first.crm.start(shared.store)
    const { tab, frame } = shared.open(first)
    shared.store.dispatch(
      crmMakeCallRequested({ destination: '15551234567' }, { origin: CRM_ORIGIN, tabId: tab.id }),
    )
    // A request the bridge received, made after that one: dialled, and alone.
    shared.post({ type: 'MAKE_CALL', payload: { destination: '5550100' } }, frame)
    await vi.waitFor(() => expect(shared.count('crmCalls/callPlaced')).toBe(1))
    expect(first.dial.mock.calls.map(([destination]) => destination)).toEqual(['5550100'])
  })
})

describe('bridges sharing a window', () => {
  it('refuses to start a second bridge on a window another one listens on, changing nothing', async () => {
    const { first, second, shared, frame } = twoBridgesSharing()

    const again = () => second.crm.start(shared.store)
    expect(again).toThrow(CrmBridgeError)
    expect(again).toThrow(expect.objectContaining({ code: 'window-in-use' }))

    shared.post(call, frame)
    await vi.waitFor(() => expect(shared.count('crmCalls/callPlaced')).toBe(1))
    expect(first.dial).toHaveBeenCalledTimes(1)
    expect(second.dial).not.toHaveBeenCalled()
    expect(second.crm.getStats()).toEqual({ accepted: 0, rejected: {}, ignored: 0 })
  })

  it('lets the second bridge start once the first stopped or was destroyed', () => {
    const first = makeBridge()
    const second = makeBridge()
    const { store } = sharedStore(first, second)
    first.crm.start(store)
    first.crm.stop()
    const stopSecond = second.crm.start(store)
    stopSecond()
    first.crm.start(store)
    first.crm.destroy()
    expect(() => second.crm.start(store)).not.toThrow()
  })

  it('refuses a second bridge on another window only if one listens there', () => {
    const first = makeBridge()
    const second = makeBridge()
    const { store } = sharedStore(first, second)
    const other = document.body.appendChild(document.createElement('iframe'))
      .contentWindow as Window
    first.crm.start(store)
    expect(() => second.crm.start(store, other)).not.toThrow()
    expect(() => first.crm.start(store, other)).toThrow(
      expect.objectContaining({ code: 'window-in-use' }),
    )
    // The refused move changed nothing: the first bridge still listens on its window.
    expect(() => second.crm.start(store)).toThrow(
      expect.objectContaining({ code: 'window-in-use' }),
    )
  })
})
