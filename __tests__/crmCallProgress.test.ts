// A call's whole life in the crmCalls reducer, in isolation: each step, and every event that would
// go backwards, repeat a step, pass a final state or name no call.
import type { UnknownAction } from '@reduxjs/toolkit'
import { describe, expect, it } from 'vitest'
import {
  crmCallConnected,
  crmCallEnded,
  crmCallPlaced,
  crmCallRinging,
  crmCallsReducer,
  crmDialFailed,
  crmDialStarted,
  crmMakeCallRequested,
  selectActiveCrmCallOfTab,
  selectCrmCallsOfTab,
  type CrmCallEndReason,
  type CrmCallsState,
  type CrmCallStatus,
} from 'ucp-crm-bridge'

const TAB = 'f47ac10b-58cc-4372-a567-0e02b2c3d479'
const request = crmMakeCallRequested(
  { destination: '15551234567' },
  { origin: 'https://crm.example.com', tabId: TAB },
)
const id = { requestId: request.meta.requestId }

/** An event as its creator makes it, at a time of the test's choosing. */
const at = <A extends { payload: { at: number } }>(action: A, time: number): A => ({
  ...action,
  payload: { ...action.payload, at: time },
})
const steps: Record<Exclude<CrmCallStatus, 'requested'>, (time: number) => UnknownAction> = {
  dialing: (time) => at(crmDialStarted(id), time),
  placed: (time) => at(crmCallPlaced(id), time),
  failed: (time) => at(crmDialFailed({ ...id, error: new Error('busy') }), time),
  ringing: (time) => at(crmCallRinging(id), time),
  connected: (time) => at(crmCallConnected(id), time),
  ended: (time) => at(crmCallEnded({ ...id, reason: 'completed' }), time),
}
const reduce = (...actions: UnknownAction[]) =>
  actions.reduce<CrmCallsState>(crmCallsReducer, crmCallsReducer(undefined, { type: '@init' }))
const callOf = (state: CrmCallsState) => state[0]!
/** The state after the request and then `path`, each step one ms after the last. */
const through = (...path: (keyof typeof steps)[]) =>
  reduce(request, ...path.map((status, index) => steps[status](1_000 + index)))

describe('a call’s life in crmCalls', () => {
  it('runs requested → dialing → placed → ringing → connected → ended, with the time of each step', () => {
    const state = reduce(
      request,
      steps.dialing(1_000),
      steps.placed(1_200),
      steps.ringing(1_500),
      steps.connected(5_000),
      at(crmCallEnded({ ...id, reason: 'completed' }), 47_000),
    )
    expect(callOf(state)).toMatchObject({
      status: 'ended',
      requestedAt: request.meta.receivedAt,
      dialingAt: 1_000,
      placedAt: 1_200,
      ringingAt: 1_500,
      connectedAt: 5_000,
      endedAt: 47_000,
      durationMs: 42_000,
      endReason: 'completed',
    })
    expect(JSON.parse(JSON.stringify(state))).toEqual(state)
  })

  it('counts no talk time for a call that ended without connecting, and keeps how it ended', () => {
    for (const reason of ['busy', 'no-answer', 'rejected', 'cancelled', 'failed'] as const) {
      const state = reduce(
        request,
        steps.dialing(1),
        steps.ringing(2),
        at(crmCallEnded({ ...id, reason }), 9),
      )
      expect(callOf(state)).toMatchObject({ status: 'ended', durationMs: 0, endReason: reason })
    }
  })

  it('takes a step a softphone skips: ringing or connected straight from dialing, ended from any live status', () => {
    expect(callOf(through('dialing', 'connected')).status).toBe('connected')
    expect(callOf(through('dialing', 'ringing')).status).toBe('ringing')
    for (const live of ['dialing', 'placed', 'ringing', 'connected'] as const) {
      const path: (keyof typeof steps)[] = live === 'dialing' ? ['dialing'] : ['dialing', live]
      expect(callOf(through(...path, 'ended')).status).toBe('ended')
    }
  })

  // Every event from every status: a call only moves forward, and `failed` and `ended` are final.
  const FORWARD: Record<CrmCallStatus, (keyof typeof steps)[]> = {
    requested: ['dialing', 'placed', 'failed'],
    dialing: ['placed', 'failed', 'ringing', 'connected', 'ended'],
    placed: ['ringing', 'connected', 'ended'],
    ringing: ['connected', 'ended'],
    connected: ['ended'],
    ended: [],
    failed: [],
  }
  const PATH_TO: Record<CrmCallStatus, (keyof typeof steps)[]> = {
    requested: [],
    dialing: ['dialing'],
    placed: ['dialing', 'placed'],
    ringing: ['dialing', 'placed', 'ringing'],
    connected: ['dialing', 'placed', 'ringing', 'connected'],
    ended: ['dialing', 'placed', 'ringing', 'connected', 'ended'],
    failed: ['dialing', 'failed'],
  }
  for (const [from, forward] of Object.entries(FORWARD) as [
    CrmCallStatus,
    (keyof typeof steps)[],
  ][]) {
    for (const step of Object.keys(steps) as (keyof typeof steps)[]) {
      const allowed = forward.includes(step)
      it(`${allowed ? 'moves' : 'stays'} from ${from} on ${step}`, () => {
        const before = through(...PATH_TO[from])
        const after = crmCallsReducer(before, steps[step](5_000))
        if (allowed) expect(callOf(after).status).toBe(step)
        else expect(after).toBe(before)
      })
    }
  }

  it('ignores an event for no call in the history, and a malformed one, as a recorded action may be', () => {
    const state = through('dialing', 'connected')
    const bad: UnknownAction[] = [
      at(crmCallEnded({ requestId: 'no-such-call', reason: 'completed' }), 9),
      at(crmCallEnded({ requestId: '__proto__', reason: 'completed' }), 9),
      at(crmCallEnded({ ...id, reason: 'hung up' as CrmCallEndReason }), 9),
      { type: 'crmCalls/callEnded', payload: { ...id, reason: 'completed' } }, // no time
      { type: 'crmCalls/callEnded' },
      { type: 'crmCalls/callConnected', payload: null },
    ]
    for (const action of bad) expect(crmCallsReducer(state, action)).toBe(state)
  })

  it('makes the time in the prepare callback, so that a replay rebuilds the same state', () => {
    const recorded = [
      request,
      crmDialStarted(id),
      crmCallConnected(id),
      crmCallEnded({ ...id, reason: 'completed' }),
    ]
    expect(reduce(...JSON.parse(JSON.stringify(recorded)))).toEqual(reduce(...recorded))
  })
})

describe('the calls of a tab', () => {
  const other = crmMakeCallRequested(
    { destination: '1' },
    { origin: 'https://x.example', tabId: 'other' },
  )
  const second = crmMakeCallRequested(
    { destination: '2' },
    { origin: 'https://crm.example.com', tabId: TAB },
  )

  it('lists a tab’s calls, oldest first, as the same array until they change', () => {
    const state = { crmCalls: reduce(request, other, second) }
    const calls = selectCrmCallsOfTab(state, TAB)
    expect(calls.map((call) => call.requestId)).toEqual([id.requestId, second.meta.requestId])
    expect(selectCrmCallsOfTab(state, TAB)).toBe(calls)
    expect(selectCrmCallsOfTab(state, 'no-tab')).toEqual([])
  })

  it('finds the tab’s active call: the latest that has neither ended nor failed', () => {
    const ended = steps.ended(9)
    expect(selectActiveCrmCallOfTab({ crmCalls: reduce(request, other) }, TAB)?.requestId).toBe(
      id.requestId,
    )
    expect(
      selectActiveCrmCallOfTab({ crmCalls: reduce(request, steps.dialing(1), ended) }, TAB),
    ).toBeUndefined()
    const failedThenNew = reduce(request, steps.dialing(1), steps.failed(2), second)
    expect(selectActiveCrmCallOfTab({ crmCalls: failedThenNew }, TAB)?.requestId).toBe(
      second.meta.requestId,
    )
    expect(selectActiveCrmCallOfTab({ crmCalls: reduce(other) }, TAB)).toBeUndefined()
  })
})
