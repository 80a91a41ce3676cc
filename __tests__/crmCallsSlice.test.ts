import type { UnknownAction } from '@reduxjs/toolkit'
import { describe, expect, it } from 'vitest'
import {
  CRM_CALL_HISTORY_LIMIT,
  createCrmBridge,
  crmCallsReducer,
  crmMakeCallRequested,
  selectCrmCallById,
  type CrmCallsState,
} from 'ucp-crm-bridge'

const sender = { origin: 'https://crm.example.com', tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }
// The bridge's own dial thunk lends the lifecycle action creators a UCP test would see.
const { dial } = createCrmBridge({ telephony: { dial: () => undefined } })

function requested(destination = '15551234567') {
  return crmMakeCallRequested({ destination }, sender)
}
function lifecycle(request: ReturnType<typeof requested>) {
  const arg = {
    requestId: request.meta.requestId,
    destination: request.payload.destination,
    tabId: sender.tabId,
  }
  return {
    pending: dial.pending('rtk-id', arg),
    fulfilled: dial.fulfilled(undefined, 'rtk-id', arg),
    rejected: dial.rejected(Object.assign(new Error('busy'), { code: 'BUSY' }), 'rtk-id', arg),
  }
}
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

  it('follows the dial thunk: dialing, then placed', () => {
    const request = requested()
    const { pending, fulfilled } = lifecycle(request)
    expect(callIn(reduce(request, pending), request)?.status).toBe('dialing')
    expect(callIn(reduce(request, pending, fulfilled), request)?.status).toBe('placed')
  })

  it('keeps a plain error, without stack, when the dial fails', () => {
    const request = requested()
    const { pending, rejected } = lifecycle(request)
    expect(callIn(reduce(request, pending, rejected), request)).toMatchObject({
      status: 'failed',
      error: { name: 'Error', message: 'busy', code: 'BUSY' },
    })
    expect(callIn(reduce(request, pending, rejected), request)?.error).not.toHaveProperty('stack')
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
    const after = crmCallsReducer(before, lifecycle(first).pending)
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
    const state = reduce(first, second, lifecycle(first).pending, lifecycle(first).fulfilled)
    expect(state.map((call) => call.status)).toEqual(['placed', 'requested'])
  })

  it('ignores outcomes of a request no longer in the history', () => {
    const old = requested('1')
    const rest = Array.from({ length: CRM_CALL_HISTORY_LIMIT }, (_, i) =>
      requested(String(2000 + i)),
    )
    const state = reduce(old, ...rest)
    expect(reduce(old, ...rest, lifecycle(old).fulfilled)).toEqual(state)
  })
})
