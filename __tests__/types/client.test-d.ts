import { describe, expectTypeOf, it } from 'vitest'
import {
  CrmClientError,
  UNSAFE_ANY_PARENT_ORIGIN,
  createCrmClient,
  type CrmCallEnd,
  type CrmCallHandle,
  type CrmCallStatus,
  type CrmClient,
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
    expectTypeOf<
      'invalid-option' | 'post-failed' | 'no-parent' | 'parent-origin-mismatch'
    >().toExtend<CrmClientErrorCode>()
    expectTypeOf<'not-granted' | 'unavailable' | 'failed'>().toExtend<CrmClientErrorCode>()
    expectTypeOf<'unknown-tab'>().toExtend<CrmClientErrorCode>()
    expectTypeOf(new CrmClientError('timeout').code).toEqualTypeOf<CrmClientErrorCode>()
  })
})

describe('crm.request, typed by the protocol map both sides share', () => {
  interface UcpProtocol {
    OPEN_RECORD: { payload: { id: number }; result: void }
    GET_AGENT_STATE: { payload: undefined; result: { state: 'ready' | 'busy' } }
    SEARCH: { payload: string | undefined; result: string[] }
  }
  const crm = createCrmClient<UcpProtocol>({ parentOrigin: 'https://ucp.example.com' })

  it('checks names, payloads and results at compile time', () => {
    expectTypeOf(crm.request('OPEN_RECORD', { id: 42 })).toEqualTypeOf<Promise<void>>()
    expectTypeOf(crm.request('GET_AGENT_STATE')).toEqualTypeOf<
      Promise<{ state: 'ready' | 'busy' }>
    >()
    expectTypeOf(crm.request('SEARCH', 'Acme', { timeout: 30_000 })).toEqualTypeOf<
      Promise<string[]>
    >()
    expectTypeOf(crm.request('SEARCH')).toEqualTypeOf<Promise<string[]>>()
    // @ts-expect-error a payload of the wrong shape
    void crm.request('OPEN_RECORD', { id: '42' })
    // @ts-expect-error a payload the type needs, left out
    void crm.request('OPEN_RECORD')
    // @ts-expect-error a name the protocol does not have
    void crm.request('OPEN_RECORDS', { id: 42 })
    // @ts-expect-error an option that is not one
    void crm.request('GET_AGENT_STATE', undefined, { timout: 1 })
  })

  it('refuses the package’s own names: makeCall and closeTab carry those', () => {
    interface Clashing {
      MAKE_CALL: { payload: { destination: string }; result: void }
      UCP_STATE: { payload: undefined; result: void }
    }
    const clashing = createCrmClient<Clashing>({ parentOrigin: 'https://ucp.example.com' })
    // @ts-expect-error MAKE_CALL is the package's: use makeCall
    void clashing.request('MAKE_CALL', { destination: '1' })
    // @ts-expect-error UCP_ names are the package's
    void clashing.request('UCP_STATE')
    const untyped = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
    // @ts-expect-error CLOSE_CRM_TAB is the package's: use closeTab
    void untyped.request('CLOSE_CRM_TAB')
    // @ts-expect-error CRM_HELLO is the package's
    void untyped.request('CRM_HELLO')
    // @ts-expect-error UCP_ names are the package's
    void untyped.request('UCP_HELLO')
  })

  it('takes any other name and payload, and gives unknown, without a protocol map', () => {
    const untyped = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
    expectTypeOf(untyped.request('OPEN_RECORD', { id: 42 })).toEqualTypeOf<Promise<unknown>>()
    expectTypeOf(untyped.request('PING')).toEqualTypeOf<Promise<unknown>>()
    expectTypeOf(untyped).toEqualTypeOf<CrmClient>()
  })

  it('keeps makeCall and closeTab as they are, and lists the granted types in the hello', () => {
    expectTypeOf(crm.makeCall('1', { timeout: 1 })).toEqualTypeOf<Promise<CrmCallHandle>>()
    expectTypeOf(crm.closeTab('tab-2', { timeout: 1 })).toEqualTypeOf<Promise<void>>()
    expectTypeOf<CrmClientHello['types']>().toEqualTypeOf<string[] | undefined>()
  })

  it('takes a protocol map only of message specs', () => {
    // @ts-expect-error a map whose entries are not { payload, result }
    createCrmClient<{ OPEN_RECORD: string }>({ parentOrigin: 'https://ucp.example.com' })
  })
})
