// Replay, with the engine behind Redux DevTools (@redux-devtools/instrument), not a stand-in: a
// recorded session is rebuilt from its actions through the reducers alone, jumped through, its
// actions toggled, exported and imported, while every effect the bridge has (dial, close, answer)
// is watched for running again. The one home of the replay tests.
import { combineReducers, configureStore, type UnknownAction } from '@reduxjs/toolkit'
import { ActionCreators, instrument } from '@redux-devtools/instrument'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createCrmBridge,
  crmReducers,
  crmTabActivated,
  crmTabOpened,
  selectCrmCalls,
  type CrmMessageOutcome,
} from 'ucp-crm-bridge'
import { ucpReducers } from './support/harness'

const PARTNER = 'https://partner.example'

/**
 * A store composed as RTK composes Redux DevTools (`devTools` hands the enhancers to the
 * extension's compose, which puts its instrument enhancer last): the middleware wraps the
 * instrumented store, so time travel, dispatched to the lifted store, never passes through it.
 */
const started: Array<{ stop(): void; destroy(): void }> = []
afterEach(() => started.splice(0).forEach((crm) => crm.destroy()))

function instrumentedStore() {
  const dial = vi.fn((destination: string) =>
    destination === '666' ? Promise.reject(new Error('busy')) : Promise.resolve(),
  )
  const onError = vi.fn() // the failing dial reaches it, as 'telephony.dial'
  const outcomes: CrmMessageOutcome[] = []
  const crm = createCrmBridge({
    telephony: { dial },
    logger: false,
    onError,
    onOutcome: (outcome) => void outcomes.push(outcome),
    maxCallsPerMinute: 2,
    allowedOrigins: [PARTNER],
  })
  // UCP's own slice beside the package's, with its own `telephony/dial` thunk.
  const store = configureStore({
    reducer: { ...ucpReducers, ...crmReducers },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
    enhancers: (getDefault) => getDefault().concat(instrument()),
  })
  crm.start(store)
  started.push(crm)
  return { crm, store, dial, outcomes, unregister: spyOnUnregister(crm) }
}

/** Counts the frames the bridge unregistered: one per tab it closed. */
function spyOnUnregister(crm: ReturnType<typeof createCrmBridge>) {
  // The registry's own method, which the public type leaves out.
  return vi.spyOn(crm.registry as unknown as { unregister(id: string): boolean }, 'unregister')
}

async function recordSession() {
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  const session = instrumentedStore()
  const { crm, store, outcomes } = session
  const open = (url: string) => {
    const tab = store.dispatch(crmTabOpened({ url })).payload
    const frame = document.createElement('iframe')
    document.getElementById('iframe-parent')!.append(frame)
    crm.registry.register(tab.id, frame)
    const posted = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => {})
    /** Sends a message from the tab's frame, and waits for its outcome: refused, closed or dialled. */
    const send = async (data: object, origin = new URL(url).origin) => {
      const told = outcomes.length + 1
      window.dispatchEvent(
        new MessageEvent('message', { data, origin, source: frame.contentWindow }),
      )
      await vi.waitFor(() => expect(outcomes).toHaveLength(told))
    }
    return { tab, posted, send }
  }
  const a = open('https://crm.example.com/a')
  const b = open('https://crm.example.com/b')
  const c = open('https://other.example/c')
  const d = open('https://crm.example.com/d')
  store.dispatch(crmTabActivated({ id: a.tab.id }))
  const call = (destination: string, requestId: string) =>
    ({ type: 'MAKE_CALL', payload: { destination }, requestId }) as const
  await a.send(call('+1 (555) 123-4567', 'placed'))
  await b.send(call('666', 'failed'))
  await a.send(call('+1 (555) 123-4567', 'double-click')) // duplicate: dispatches nothing
  await a.send(call('777', 'second'))
  await a.send(call('888', 'third')) // over maxCallsPerMinute: dispatches nothing
  await a.send({ type: 'CLOSE_CRM_TAB', payload: { id: c.tab.id } }) // another origin's tab
  await a.send({ type: 'CLOSE_CRM_TAB', payload: { id: 'gone' } })
  await a.send({ type: 'CLOSE_CRM_TAB', payload: { id: b.tab.id } }) // close by id
  await d.send({ type: 'CLOSE_CRM_TAB' }) // close by the sender
  await c.send({ type: 'CLOSE_CRM_TAB' }, PARTNER) // by the sender, from an allowed origin

  const posted = [a, b, c, d].map((tab) => tab.posted)
  /** Every effect so far, to compare after time travel: dials, closes, answers and hellos. */
  const effects = () => ({
    dials: session.dial.mock.calls.length,
    closes: session.unregister.mock.calls.length,
    posts: posted.map((spy) => spy.mock.calls.length),
    stats: crm.getStats(),
  })
  return { ...session, tabs: { a, b, c, d }, effects }
}

const reducer = combineReducers({ ...ucpReducers, ...crmReducers })
/** What the reducers alone make of `actions`, as DevTools recomputes a state. */
const replay = (actions: UnknownAction[]) =>
  actions.reduce(reducer, reducer(undefined, { type: '@@INIT' }))

describe('Redux DevTools time travel, with @redux-devtools/instrument', () => {
  it('records what happened: suppressed calls dispatch nothing and show in stats and answers', async () => {
    const { store, crm, tabs } = await recordSession()
    const lifted = store.liftedStore.getState()
    const types = lifted.stagedActionIds.map((id) => lifted.actionsById[id]!.action.type)
    expect(types).toEqual([
      '@@INIT',
      ...Array(4).fill('crmTabs/tabOpened'),
      'crmTabs/tabActivated',
      'telephony/makeCallRequested',
      'crmCalls/dialStarted',
      'crmCalls/callPlaced',
      'telephony/makeCallRequested',
      'crmCalls/dialStarted',
      'crmCalls/dialFailed',
      'telephony/makeCallRequested',
      'crmCalls/dialStarted',
      'crmCalls/callPlaced',
      'crm/closeRequested',
      'crm/closeRejected',
      'crm/closeRequested',
      'crm/closeRejected',
      'crm/closeRequested',
      'crmTabs/tabClosed',
      'crm/closeRequested',
      'crmTabs/tabClosed',
      'crm/closeRequested',
      'crmTabs/tabClosed',
    ])
    expect(crm.getStats()).toEqual({
      accepted: 8,
      rejected: {
        duplicate: 1,
        'rate-limited': 1,
        'dial-failed': 1,
        'not-permitted': 1,
        'unknown-tab': 1,
      },
      ignored: 0,
    })
    const answers = tabs.a.posted.mock.calls
      .map(([message]) => message as { requestId?: string; ok?: boolean; error?: { code: string } })
      .filter((message) => message.requestId !== undefined)
    expect(answers.map((m) => [m.requestId, m.ok ? 'ok' : m.error?.code])).toEqual([
      ['placed', 'ok'],
      ['double-click', 'duplicate'],
      ['second', 'ok'],
      ['third', 'rate-limited'],
    ])
  })

  it('rebuilds the state the session left from its actions, through the reducers alone', async () => {
    const { store } = await recordSession()
    const lifted = store.liftedStore.getState()
    const actions = lifted.stagedActionIds.slice(1).map((id) => lifted.actionsById[id]!.action)
    const live = store.getState()
    expect(replay(actions)).toEqual(live)
    // Plain data: the actions and the state survive a JSON round trip, and so does the replay.
    const exported = JSON.parse(JSON.stringify(actions)) as UnknownAction[]
    expect(exported).toEqual(actions)
    expect(JSON.parse(JSON.stringify(live))).toEqual(live)
    expect(replay(exported)).toEqual(live)
    for (let n = 0; n <= actions.length; n++) {
      expect(replay(exported.slice(0, n))).toEqual(replay(actions.slice(0, n)))
    }
  })

  it('jumps to every earlier state and back, running no effect again', async () => {
    const { store, effects, tabs } = await recordSession()
    const before = effects()
    const live = store.getState()
    const { liftedStore } = store
    const lifted = liftedStore.getState()
    const actions = lifted.stagedActionIds.map((id) => lifted.actionsById[id]!.action)

    for (let index = 0; index < actions.length; index++) {
      liftedStore.dispatch(ActionCreators.jumpToState(index))
      expect(store.getState()).toEqual(replay(actions.slice(1, index + 1)))
    }
    // Just before tab B was closed by id, it is open again; before the first call, no call.
    const bClosed = lifted.stagedActionIds.find((id) => {
      const action = lifted.actionsById[id]!.action as UnknownAction
      return (
        action.type === 'crmTabs/tabClosed' &&
        (action.payload as { id: string }).id === tabs.b.tab.id
      )
    })!
    liftedStore.dispatch(ActionCreators.jumpToAction(bClosed - 1))
    expect(store.getState().crmTabs.ids).toContain(tabs.b.tab.id)
    liftedStore.dispatch(ActionCreators.jumpToState(4))
    expect(store.getState().crmTabs.ids).toHaveLength(4)
    expect(selectCrmCalls(store.getState())).toEqual([])

    liftedStore.dispatch(ActionCreators.jumpToState(actions.length - 1))
    expect(store.getState()).toEqual(live)
    expect(effects()).toEqual(before)
    expect(liftedStore.getState().nextActionId).toBe(lifted.nextActionId) // nothing dispatched
  })

  it('toggles actions off and on, recomputing through the reducers alone', async () => {
    const { store, effects, tabs } = await recordSession()
    const before = effects()
    const live = store.getState()
    const { liftedStore } = store
    const lifted = liftedStore.getState()
    const idOf = (type: string, match: (action: UnknownAction) => boolean = () => true) =>
      lifted.stagedActionIds.find((id) => {
        const action = lifted.actionsById[id]!.action as UnknownAction
        return action.type === type && match(action)
      })!
    const closeOfB = idOf(
      'crmTabs/tabClosed',
      (a) => (a.payload as { id: string }).id === tabs.b.tab.id,
    )
    const firstCall = idOf('telephony/makeCallRequested')

    liftedStore.dispatch(ActionCreators.toggleAction(closeOfB))
    expect(store.getState().crmTabs.ids).toContain(tabs.b.tab.id)
    liftedStore.dispatch(ActionCreators.toggleAction(firstCall))
    // Without its request, the call's dial outcomes find nothing to update.
    expect(selectCrmCalls(store.getState()).map((call) => call.destination)).toEqual(['666', '777'])

    liftedStore.dispatch(ActionCreators.toggleAction(closeOfB))
    liftedStore.dispatch(ActionCreators.toggleAction(firstCall))
    expect(store.getState()).toEqual(live)
    expect(effects()).toEqual(before)
    expect(liftedStore.getState().nextActionId).toBe(lifted.nextActionId)
  })

  it('exports the session as JSON and imports it into a fresh store, without effects', async () => {
    const { store, effects } = await recordSession()
    const before = effects()
    const exported = JSON.stringify(store.liftedStore.getState())
    // As after a reload: one bridge listens on the window, the new page's.
    started.forEach((crm) => crm.stop())

    const fresh = instrumentedStore()
    fresh.store.liftedStore.dispatch(ActionCreators.importState(JSON.parse(exported)))
    expect(fresh.store.getState()).toEqual(store.getState())
    fresh.store.liftedStore.dispatch(ActionCreators.jumpToState(4))
    expect(fresh.store.getState().crmTabs.ids).toHaveLength(4)

    // DevTools' other import format, a bare list of actions, rebuilds the same state too.
    const lifted = store.liftedStore.getState()
    const actions = lifted.stagedActionIds.slice(1).map((id) => lifted.actionsById[id]!.action)
    fresh.crm.stop()
    const again = instrumentedStore()
    again.store.liftedStore.dispatch(
      ActionCreators.importState(JSON.parse(JSON.stringify(actions)) as UnknownAction[]),
    )
    expect(again.store.getState()).toEqual(store.getState())

    for (const other of [fresh, again]) {
      expect(other.dial).not.toHaveBeenCalled()
      expect(other.unregister).not.toHaveBeenCalled()
      expect(other.crm.getStats()).toEqual({ accepted: 0, rejected: {}, ignored: 0 })
    }
    expect(effects()).toEqual(before)
  })
})
