import { describe, expectTypeOf, it } from 'vitest'
import {
  CrmClientError,
  UNSAFE_ANY_PARENT_ORIGIN,
  createCrmClient,
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

  it('resolves ready to the hello and every call to nothing', () => {
    const crm = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
    expectTypeOf(crm.ready).toEqualTypeOf<Promise<CrmClientHello>>()
    expectTypeOf(crm.makeCall('+1 (555) 123-4567')).toEqualTypeOf<Promise<void>>()
    expectTypeOf(crm.closeTab()).toEqualTypeOf<Promise<void>>()
    expectTypeOf(crm.tabId).toEqualTypeOf<string | undefined>()
  })

  it('names its own codes beside UCP’s reason codes', () => {
    expectTypeOf<'invalid-option' | 'post-failed' | 'no-parent'>().toExtend<CrmClientErrorCode>()
    expectTypeOf<'unknown-tab'>().toExtend<CrmClientErrorCode>()
    expectTypeOf(new CrmClientError('timeout').code).toEqualTypeOf<CrmClientErrorCode>()
  })
})
