// Replay, with the engine behind Redux DevTools (@redux-devtools/instrument), not a stand-in: a
// recorded session is rebuilt from its actions through the reducers alone, jumped through, its
// actions toggled, exported and imported, while every effect the bridge has (dial, close, answer)
// is watched for running again. The one home of the replay tests.
import { type UnknownAction } from '@reduxjs/toolkit'
import { ActionCreators } from '@redux-devtools/instrument'
import { afterEach, describe, expect, it } from 'vitest'
import { selectCrmCalls } from 'ucp-crm-bridge'
import {
  destroySessions,
  instrumentedStore,
  recordSession,
  replay,
} from './support/devtoolsSession'

afterEach(destroySessions)

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
    const { store, effects, crm } = await recordSession()
    const before = effects()
    const exported = JSON.stringify(store.liftedStore.getState())
    // As after a reload: one bridge listens on the window, the new page's.
    crm.stop()

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
