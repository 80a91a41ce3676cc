// One TypeScript map of UCP's own messages, shared by both sides: the bridge's definitions, the
// actions UCP's listeners match, and the client's requests are checked against it.
import type { UnknownAction } from '@reduxjs/toolkit'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createCrmBridge,
  createCrmMessageAction,
  type CrmMessageContext,
  type CrmRequestMeta,
} from 'ucp-crm-bridge'
import { createCrmClient } from 'ucp-crm-bridge/client'

/** The protocol a UCP and its CRM pages agree on, written once. */
interface UcpProtocol {
  OPEN_RECORD: { payload: { id: number }; result: { opened: boolean } }
  GET_AGENT_STATE: { payload: null; result: { state: 'ready' | 'busy' } }
}

const telephony = { dial: () => undefined }
const crm = createCrmBridge<UcpProtocol>({
  telephony,
  messages: {
    OPEN_RECORD: {
      parse: (payload) => (typeof payload === 'number' ? { id: payload } : undefined),
      handle: (value, context) => {
        expectTypeOf(value).toEqualTypeOf<{ id: number }>()
        expectTypeOf(context).toEqualTypeOf<CrmMessageContext>()
        return { opened: true }
      },
    },
    GET_AGENT_STATE: { parse: () => null, handle: async () => ({ state: 'ready' as const }) },
  },
})

describe('the bridge, typed by the shared protocol', () => {
  it('checks each definition’s parse and handle against the protocol', () => {
    createCrmBridge<UcpProtocol>({
      telephony,
      messages: {
        // @ts-expect-error: parse must give the protocol's payload
        OPEN_RECORD: { parse: () => ({ id: 'forty-two' }) },
        GET_AGENT_STATE: { parse: () => null },
      },
    })
    createCrmBridge<UcpProtocol>({
      telephony,
      messages: {
        // @ts-expect-error: handle must give the protocol's result
        OPEN_RECORD: { parse: () => ({ id: 1 }), handle: () => ({ opened: 'yes' }) },
        GET_AGENT_STATE: { parse: () => null },
      },
    })
    createCrmBridge<UcpProtocol>({
      telephony,
      // @ts-expect-error: every type of the protocol is defined
      messages: { OPEN_RECORD: { parse: () => ({ id: 1 }) } },
    })
  })

  it('gives each type an action creator whose match narrows to the payload and the request meta', () => {
    const action = {} as UnknownAction
    if (crm.messages.OPEN_RECORD.match(action)) {
      expectTypeOf(action.payload).toEqualTypeOf<{ id: number }>()
      expectTypeOf(action.meta).toEqualTypeOf<CrmRequestMeta>()
      expectTypeOf(action.type).toEqualTypeOf<'crm/OPEN_RECORD/requested'>()
    }
    expectTypeOf(crm.messages).toHaveProperty('GET_AGENT_STATE')
    // @ts-expect-error: no such type in the protocol
    void crm.messages.OPEN_TAB
    const standalone = createCrmMessageAction<{ id: number }>('OPEN_RECORD')
    if (standalone.match(action)) expectTypeOf(action.payload).toEqualTypeOf<{ id: number }>()
  })

  it('takes any custom type, payload unknown, without a protocol', () => {
    const untyped = createCrmBridge({
      telephony,
      messages: { ANYTHING: { parse: (payload) => payload, handle: () => 42 } },
    })
    const action = {} as UnknownAction
    if (untyped.messages.ANYTHING!.match(action)) expectTypeOf(action.payload).toBeUnknown()
  })

  it('refuses a built-in name as a custom type', () => {
    createCrmBridge<{ MAKE_CALL: { payload: null; result: null } }>({
      telephony,
      // @ts-expect-error: MAKE_CALL is the package's own
      messages: { MAKE_CALL: { parse: () => null } },
    })
  })
})

describe('the client, typed by the same protocol', () => {
  it('checks names, payloads and results of its requests', () => {
    const page = createCrmClient<UcpProtocol>({ parentOrigin: 'https://ucp.example.com' })
    expectTypeOf(page.request('OPEN_RECORD', { id: 42 })).toEqualTypeOf<
      Promise<{ opened: boolean }>
    >()
    expectTypeOf(page.request('GET_AGENT_STATE', null)).toEqualTypeOf<
      Promise<{ state: 'ready' | 'busy' }>
    >()
    // @ts-expect-error: the payload is the protocol's
    void page.request('OPEN_RECORD', { id: '42' })
    // @ts-expect-error: no such type in the protocol
    void page.request('OPEN_TAB', {})
  })
})
