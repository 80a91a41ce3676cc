import { describe, expectTypeOf, it } from 'vitest'
import {
  CrmClientError,
  UNSAFE_ANY_PARENT_ORIGIN,
  createCrmClient,
  type CrmCallEnd,
  type CrmCallHandle,
  type CrmCallStatus,
  type CrmClientErrorCode,
  type CrmClientHello,
  type CrmClientOptions,
} from 'ucp-crm-bridge/client'

describe('the CRM page’s client', () => {
  it('requires parentOrigin: one origin, a list, or the unsafe constant by name', () => {
    // @ts-expect-error parentOrigin is required
    createCrmClient({})
    // @ts-expect-error parentOrigin is required
    createCrmClient()
    expectTypeOf(createCrmClient).toBeCallableWith({ parentOrigin: 'https://ucp.example.com' })
    const origins = ['https://ucp.example.com', 'https://ucp.staging.example.com'] as const
    expectTypeOf(createCrmClient).toBeCallableWith({ parentOrigin: origins })
    expectTypeOf(createCrmClient).toBeCallableWith({ parentOrigin: UNSAFE_ANY_PARENT_ORIGIN })
    expectTypeOf<CrmClientOptions['timeout']>().toEqualTypeOf<number | undefined>()
  })

  it('resolves ready to the hello, with its calls, makeCall to a call handle, closeTab to nothing', () => {
    const crm = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
    expectTypeOf(crm.ready).toEqualTypeOf<Promise<CrmClientHello>>()
    expectTypeOf<CrmClientHello['calls']>().toEqualTypeOf<CrmCallHandle[]>()
    expectTypeOf(crm.makeCall('+1 (555) 123-4567')).toEqualTypeOf<Promise<CrmCallHandle>>()
    expectTypeOf(crm.closeTab()).toEqualTypeOf<Promise<void>>()
    expectTypeOf(crm.tabId).toEqualTypeOf<string | undefined>()
  })

  it('gives a call handle a live status, listeners that unsubscribe, and one ended', () => {
    expectTypeOf<CrmCallStatus>().toEqualTypeOf<
      'dialing' | 'placed' | 'ringing' | 'connected' | 'ended'
    >()
    expectTypeOf<CrmCallHandle['status']>().toEqualTypeOf<CrmCallStatus>()
    expectTypeOf<CrmCallHandle['requestId']>().toEqualTypeOf<string>()
    expectTypeOf<CrmCallHandle['onStatus']>().toEqualTypeOf<
      (listener: (status: CrmCallStatus) => void) => () => void
    >()
    expectTypeOf<CrmCallHandle['ended']>().toEqualTypeOf<Promise<CrmCallEnd>>()
    expectTypeOf<CrmCallEnd>().toEqualTypeOf<{
      durationMs: number
      reason: 'completed' | 'busy' | 'no-answer' | 'rejected' | 'cancelled' | 'failed'
    }>()
    const call = {} as CrmCallHandle
    // @ts-expect-error the client keeps status; a page reads it
    call.status = 'ended'
  })

  it('names its own codes beside UCP’s reason codes', () => {
    expectTypeOf<'invalid-option' | 'post-failed' | 'no-parent'>().toExtend<CrmClientErrorCode>()
    expectTypeOf<'unknown-tab'>().toExtend<CrmClientErrorCode>()
    expectTypeOf(new CrmClientError('timeout').code).toEqualTypeOf<CrmClientErrorCode>()
  })
})
