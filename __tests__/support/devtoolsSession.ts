// A session recorded on a store instrumented as Redux DevTools instruments it, for
// devtoolsReplay.test.ts: the tabs, calls and closes it made, and the effects to watch.
import { combineReducers, configureStore, type UnknownAction } from '@reduxjs/toolkit'
import { instrument } from '@redux-devtools/instrument'
import { expect, vi } from 'vitest'
import {
  createCrmBridge,
  crmReducers,
  crmTabActivated,
  crmTabOpened,
  type CrmMessageOutcome,
} from 'ucp-crm-bridge'
import { ucpReducers } from './harness'

const PARTNER = 'https://partner.example'

/**
 * A store composed as RTK composes Redux DevTools (`devTools` hands the enhancers to the
 * extension's compose, which puts its instrument enhancer last): the middleware wraps the
 * instrumented store, so time travel, dispatched to the lifted store, never passes through it.
 */
const started: Array<{ stop(): void; destroy(): void }> = []
/** Destroys the bridges of the sessions made so far: for afterEach. */
export const destroySessions = () => started.splice(0).forEach((crm) => crm.destroy())

export function instrumentedStore() {
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

/** A recorded session: four tabs, calls placed, failed and suppressed, closes refused and done. */
export async function recordSession() {
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
export const replay = (actions: UnknownAction[]) =>
  actions.reduce(reducer, reducer(undefined, { type: '@@INIT' }))
