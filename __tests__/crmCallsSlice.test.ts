import type { UnknownAction } from '@reduxjs/toolkit'
import { describe, expect, it } from 'vitest'
import {
  CRM_CALL_HISTORY_LIMIT,
  crmCallPlaced,
  crmCallsReducer,
  crmDialFailed,
  crmDialStarted,
  crmMakeCallRequested,
  selectCrmCallById,
  type CrmCallsState,
} from 'ucp-crm-bridge'

// The reducer in isolation, with the exported action creators alone: no store, no bridge.

const sender = { origin: 'https://crm.example.com', tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }

function requested(destination = '15551234567') {
  return crmMakeCallRequested({ destination }, sender)
}
const idOf = (request: ReturnType<typeof requested>) => ({ requestId: request.meta.requestId })
const reduce = (...actions: UnknownAction[]) =>
  actions.reduce<CrmCallsState>(crmCallsReducer, crmCallsReducer(undefined, { type: '@init' }))
const callIn = (state: CrmCallsState, request: ReturnType<typeof requested>) =>
  selectCrmCallById({ crmCalls: state }, request.meta.requestId)

describe('crmCalls reducer', () => {
  it('records a request as requested, with its sender and time', () => {
    const request = requested()
    const state = reduce(request)
    expect(state).toEqual([
      {
        requestId: request.meta.requestId,
        destination: '15551234567',
        tabId: sender.tabId,
        origin: sender.origin,
        requestedAt: request.meta.receivedAt,
        status: 'requested',
      },
    ])
  })

  it('follows the dial: dialing, then placed', () => {
    const request = requested()
    const dialing = reduce(request, crmDialStarted(idOf(request)))
    expect(callIn(dialing, request)?.status).toBe('dialing')
    expect(callIn(crmCallsReducer(dialing, crmCallPlaced(idOf(request))), request)?.status).toBe(
      'placed',
    )
  })

  it('keeps only the name, message and code of a failed dial’s error, as plain data', () => {
    const request = requested()
    const error = Object.assign(new TypeError('busy'), { code: 'BUSY', stack: 'at softphone.js' })
    const failed = reduce(
      request,
      crmDialStarted(idOf(request)),
      crmDialFailed({ ...idOf(request), error }),
    )
    expect(callIn(failed, request)).toMatchObject({ status: 'failed' })
    expect(callIn(failed, request)?.error).toStrictEqual({
      name: 'TypeError',
      message: 'busy',
      code: 'BUSY',
    })
  })

  it(`keeps only the last ${CRM_CALL_HISTORY_LIMIT} requests, dropping the oldest`, () => {
    const requests = Array.from({ length: CRM_CALL_HISTORY_LIMIT + 5 }, (_, i) =>
      requested(String(1000 + i)),
    )
    const ids = reduce(...requests).map((call) => call.requestId)
    expect(ids).toEqual(requests.slice(5).map((request) => request.meta.requestId))
  })

  it('updates one call and shares the others with the previous state, all frozen', () => {
    const first = requested('1')
    const second = requested('2')
    const before = reduce(first, second)
    const after = crmCallsReducer(before, crmDialStarted(idOf(first)))
    expect(after).not.toBe(before)
    expect(after[0]).not.toBe(before[0])
    expect(after[1]).toBe(before[1])
    expect(before[0]?.status).toBe('requested')
    for (const state of [before, after]) {
      expect(Object.isFrozen(state)).toBe(true)
      for (const call of state) expect(Object.isFrozen(call)).toBe(true)
    }
  })

  it('settles a call that is not the latest', () => {
    const first = requested('1')
    const second = requested('2')
    const state = reduce(first, second, crmDialStarted(idOf(first)), crmCallPlaced(idOf(first)))
    expect(state.map((call) => call.status)).toEqual(['placed', 'requested'])
  })

  it('ignores events of a call no longer in the history, or never in it', () => {
    const old = requested('1')
    const rest = Array.from({ length: CRM_CALL_HISTORY_LIMIT }, (_, i) =>
      requested(String(2000 + i)),
    )
    const state = reduce(old, ...rest)
    expect(crmCallsReducer(state, crmCallPlaced(idOf(old)))).toBe(state)
    expect(crmCallsReducer(state, crmCallPlaced({ requestId: '__proto__' }))).toBe(state)
  })
})
