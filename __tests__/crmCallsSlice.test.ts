import type { UnknownAction } from '@reduxjs/toolkit'
import { describe, expect, it } from 'vitest'
import {
  CRM_CALL_HISTORY_LIMIT,
  createCrmBridge,
  crmCallsReducer,
  crmMakeCallRequested,
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

describe('crmCalls reducer', () => {
  it('records a request as requested, with its sender and time', () => {
    const request = requested()
    const state = reduce(request)
    expect(state.entities[request.meta.requestId]).toEqual({
      requestId: request.meta.requestId,
      destination: '15551234567',
      tabId: sender.tabId,
      origin: sender.origin,
      requestedAt: request.meta.receivedAt,
      status: 'requested',
    })
  })

  it('follows the dial thunk: dialing, then placed', () => {
    const request = requested()
    const { pending, fulfilled } = lifecycle(request)
    expect(reduce(request, pending).entities[request.meta.requestId]?.status).toBe('dialing')
    expect(reduce(request, pending, fulfilled).entities[request.meta.requestId]?.status).toBe(
      'placed',
    )
  })

  it('keeps a plain error, without stack, when the dial fails', () => {
    const request = requested()
    const { pending, rejected } = lifecycle(request)
    expect(reduce(request, pending, rejected).entities[request.meta.requestId]).toMatchObject({
      status: 'failed',
      error: { name: 'Error', message: 'busy', code: 'BUSY' },
    })
    expect(
      reduce(request, pending, rejected).entities[request.meta.requestId]?.error,
    ).not.toHaveProperty('stack')
  })

  it(`keeps only the last ${CRM_CALL_HISTORY_LIMIT} requests, dropping the oldest`, () => {
    const requests = Array.from({ length: CRM_CALL_HISTORY_LIMIT + 5 }, (_, i) =>
      requested(String(1000 + i)),
    )
    const state = reduce(...requests)
    expect(state.ids).toHaveLength(CRM_CALL_HISTORY_LIMIT)
    expect(state.ids[0]).toBe(requests[5]?.meta.requestId)
    expect(state.ids.at(-1)).toBe(requests.at(-1)?.meta.requestId)
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
