// The recipes of integration.md's "Reading the store and reacting to the bridge", run as written:
// the host's own listener middleware reacts to the bridge's actions in a real store.
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  combineReducers,
  configureStore,
  createListenerMiddleware,
  isAnyOf,
} from '@reduxjs/toolkit'
import {
  createCrmBridge,
  crmCallsReducer,
  crmCloseRejected,
  crmCloseRequested,
  crmDialFailed,
  crmDialStarted,
  crmMakeCallRequested,
  crmTabOpened,
  crmTabsReducer,
  selectActiveCrmTab,
  selectActiveCrmTabId,
  selectCrmCallById,
  selectCrmTabIds,
  selectCrmTabs,
  type CrmBridge,
  type CrmRootState,
} from 'ucp-crm-bridge'
import { simulateCrmMessage } from 'ucp-crm-bridge/testing'

let crm: CrmBridge | undefined
afterEach(() => {
  crm?.destroy()
  document.body.innerHTML = ''
})

function setup(dial: () => unknown) {
  const toasts: string[] = []
  const panel: Array<{ status: string; tabId: string }> = []
  const requested: Array<{ type: string; origin: string }> = []
  // Matchers in variables: written inline, TypeScript gives the effect a plain Action (RTK's note).
  const isDialStep = isAnyOf(crmDialStarted, crmDialFailed)
  const isRequest = isAnyOf(crmCloseRequested, crmMakeCallRequested)
  const host = createListenerMiddleware<CrmRootState>()
  host.startListening({
    actionCreator: crmCloseRejected,
    effect: ({ payload }) => {
      toasts.push(payload.reason === 'not-permitted' ? 'stays open' : 'already closed')
    },
  })
  host.startListening({
    matcher: isDialStep,
    effect: ({ payload }, api) => {
      const call = selectCrmCallById(api.getState(), payload.requestId)
      if (call) panel.push({ status: call.status, tabId: call.tabId })
    },
  })
  host.startListening({
    matcher: isRequest,
    effect: ({ type, meta }) => {
      requested.push({ type, origin: meta.origin })
    },
  })
  const logger = { warn: vi.fn() } // the refused close is written there, in development builds
  crm = createCrmBridge({ telephony: { dial }, canClose: () => false, logger })

  // The root reducer built by hand, as the recipe says, rather than from crmReducers.
  const store = configureStore({
    reducer: combineReducers({ crmTabs: crmTabsReducer, crmCalls: crmCallsReducer }),
    middleware: (getDefault) => getDefault().prepend(crm!.middleware).concat(host.middleware),
  })
  crm.start(store)
  const open = (url: string) => {
    const tab = store.dispatch(crmTabOpened({ url, activate: false })).payload
    const frame = document.body.appendChild(document.createElement('iframe'))
    frame.src = url
    crm!.registry.register(tab.id, frame)
    return tab
  }
  return { store, open, toasts, panel, requested }
}

describe('the store recipes of integration.md', () => {
  it('toasts a refused close, shows a failed dial in the panel, and counts requests per origin', async () => {
    const { store, open, toasts, panel, requested } = setup(() =>
      Promise.reject(new Error('line busy')),
    )

    const a = open('https://crm.example.com/a')
    const b = open('https://crm.example.com/b')
    simulateCrmMessage(crm!, a.id, { type: 'CLOSE_CRM_TAB', payload: { id: b.id } })
    simulateCrmMessage(crm!, b.id, { type: 'MAKE_CALL', payload: { destination: '555 0100' } })

    await vi.waitFor(() => expect(panel).toHaveLength(2))
    expect(toasts).toEqual(['stays open'])
    expect(panel).toEqual([
      { status: 'dialing', tabId: b.id },
      { status: 'failed', tabId: b.id },
    ])
    expect(requested).toEqual([
      { type: 'crm/closeRequested', origin: 'https://crm.example.com' },
      { type: 'telephony/makeCallRequested', origin: 'https://crm.example.com' },
    ])
    expect(selectCrmTabIds(store.getState())).toEqual([a.id, b.id])
  })

  it('reads the tabs in opening order, by id, and the active one', () => {
    const { store, open } = setup(() => undefined)
    const a = open('https://crm.example.com/a')
    const b = open('https://crm.example.com/b')
    const state = store.getState()
    expect(selectCrmTabs(state).map((tab) => tab.id)).toEqual([a.id, b.id])
    expect(selectCrmTabIds(state)).toBe(selectCrmTabIds(store.getState()))
    // The first tab opened is active, whatever `activate` said.
    expect(selectActiveCrmTabId(state)).toBe(a.id)
    expect(selectActiveCrmTab(state)).toEqual(a)
  })

  it('tests the package state in isolation with its reducers', () => {
    const opened = crmTabOpened({ url: 'https://crm.example.com/contacts/42' })
    const state = crmTabsReducer(undefined, opened)
    expect(state.entities[opened.payload.id]).toEqual(opened.payload)
    expect(crmCallsReducer(undefined, { type: 'unrelated' })).toEqual([])
  })
})
