// Replay of this round's actions through the engine behind Redux DevTools: a session with a call's
// whole life, a retitled tab and custom messages is rebuilt from its recorded actions by the
// reducers alone, before and after a JSON round trip, and importing it runs no effect again (no
// dial, no handler, nothing posted). The built-ins' replay is devtoolsReplay.test.ts.
import { combineReducers, configureStore, type UnknownAction } from '@reduxjs/toolkit'
import { ActionCreators, instrument } from '@redux-devtools/instrument'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createCrmBridge,
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  crmReducers,
  crmTabOpened,
  crmTabRetitled,
  selectCrmCalls,
} from 'ucp-crm-bridge'

const bridges: { destroy(): void }[] = []
afterEach(() => bridges.splice(0).forEach((crm) => crm.destroy()))

const reducer = combineReducers(crmReducers)

/** A bridge with a custom type that opens a tab, on a store instrumented as DevTools does it. */
function instrumentedSession() {
  const dial = vi.fn()
  const handle = vi.fn(
    (value: { id: number }, { dispatch }: { dispatch: (a: UnknownAction) => unknown }) => {
      dispatch(
        crmTabOpened({ url: `https://crm.example.com/records/${value.id}`, activate: false }),
      )
      return { opened: value.id }
    },
  )
  const crm = createCrmBridge({
    telephony: { dial },
    logger: false,
    messages: {
      OPEN_RECORD: {
        parse: (payload) => (typeof payload === 'number' ? { id: payload } : undefined),
        handle,
      },
      NOTE: { parse: (payload) => (typeof payload === 'string' ? payload : undefined) },
    },
  })
  bridges.push(crm)
  const store = configureStore({
    reducer: crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
    enhancers: (getDefault) => getDefault().concat(instrument()),
  })
  crm.start(store)
  return { crm, store, dial, handle }
}

async function recordSession() {
  document.body.innerHTML = ''
  const session = instrumentedSession()
  const { crm, store } = session
  const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/contacts/42' })).payload
  const frame = document.body.appendChild(document.createElement('iframe'))
  crm.registry.register(tab.id, frame)
  const posted = vi.spyOn(frame.contentWindow!, 'postMessage').mockImplementation(() => {})
  const send = (data: object) =>
    window.dispatchEvent(
      new MessageEvent('message', {
        data,
        origin: 'https://crm.example.com',
        source: frame.contentWindow,
      }),
    )
  send({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' }, requestId: 'r-1' })
  await vi.waitFor(() => expect(selectCrmCalls(store.getState())[0]?.status).toBe('placed'))
  const { requestId } = selectCrmCalls(store.getState())[0]!
  store.dispatch(crmCallRinging({ requestId }))
  store.dispatch(crmCallConnected({ requestId }))
  store.dispatch(crmCallEnded({ requestId, reason: 'completed' }))
  store.dispatch(crmTabRetitled({ id: tab.id, title: 'Contact 42' }))
  send({ type: 'OPEN_RECORD', payload: 7, requestId: 'o-1' })
  send({ type: 'NOTE', payload: 'called back' })
  await vi.waitFor(() => expect(store.getState().crmTabs.ids).toHaveLength(2))
  await vi.waitFor(() => expect(posted).toHaveBeenCalledTimes(5)) // answered, 3 statuses, result
  return { ...session, posted }
}

const recorded = (store: ReturnType<typeof instrumentedSession>['store']) => {
  const lifted = store.liftedStore.getState()
  return lifted.stagedActionIds
    .slice(1)
    .map((id) => lifted.actionsById[id]!.action as UnknownAction)
}

describe('Redux DevTools replay of calls and custom messages', () => {
  it('rebuilds the state from the recorded actions through the reducers alone, before and after JSON', async () => {
    const { store } = await recordSession()
    const actions = recorded(store)
    expect(actions.map((action) => action.type)).toEqual(
      expect.arrayContaining([
        'crmCalls/callRinging',
        'crmCalls/callConnected',
        'crmCalls/callEnded',
        'crmTabs/tabRetitled',
        'crm/OPEN_RECORD/requested',
        'crm/NOTE/requested',
      ]),
    )
    const replay = (list: UnknownAction[]) =>
      list.reduce(reducer, reducer(undefined, { type: '@@INIT' }))
    expect(replay(actions)).toEqual(store.getState())
    expect(replay(JSON.parse(JSON.stringify(actions)))).toEqual(store.getState())
    expect(selectCrmCalls(store.getState())[0]).toMatchObject({
      status: 'ended',
      endReason: 'completed',
    })
  })

  it('imports the session into a fresh store without dialling, handling or posting again', async () => {
    const { store, dial, handle, posted } = await recordSession()
    const exported = JSON.stringify(recorded(store))
    const before = {
      dials: dial.mock.calls.length,
      handled: handle.mock.calls.length,
      posts: posted.mock.calls.length,
    }
    // As after a reload: one bridge listens on the window, the new page's.
    bridges.forEach((crm) => crm.destroy())
    const fresh = instrumentedSession()

    fresh.store.liftedStore.dispatch(ActionCreators.importState(JSON.parse(exported)))
    expect(fresh.store.getState()).toEqual(store.getState())
    fresh.store.liftedStore.dispatch(ActionCreators.jumpToState(2))
    expect(fresh.dial).not.toHaveBeenCalled()
    expect(fresh.handle).not.toHaveBeenCalled()
    expect({
      dials: dial.mock.calls.length,
      handled: handle.mock.calls.length,
      posts: posted.mock.calls.length,
    }).toEqual(before)
    expect(fresh.crm.getStats()).toEqual({ accepted: 0, rejected: {}, ignored: 0 })
  })
})
