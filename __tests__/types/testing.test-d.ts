// The testing entry, ucp-crm-bridge/testing: typed on the bridge's public type, apart from the core.
import { describe, expectTypeOf, it } from 'vitest'
import * as core from 'ucp-crm-bridge'
import { createCrmBridge, type UcpToCrmMessage } from 'ucp-crm-bridge'
import {
  recordCrmReplies,
  simulateCrmMessage,
  type CrmReplyRecorder,
  type SimulateCrmMessageOptions,
} from 'ucp-crm-bridge/testing'

const crm = createCrmBridge({ telephony: { dial: () => undefined } })

describe('ucp-crm-bridge/testing', () => {
  it('takes a bridge and a tab id, any data and an origin, and gives the event it delivered', () => {
    expectTypeOf(
      simulateCrmMessage(crm, 'tab-1', { type: 'CRM_HELLO' }),
    ).toEqualTypeOf<MessageEvent>()
    expectTypeOf<SimulateCrmMessageOptions>().toEqualTypeOf<{ origin?: string }>()
    // @ts-expect-error the tab is named by its id
    simulateCrmMessage(crm, 1, {})
  })

  it("reads what UCP posted as the protocol's messages", () => {
    const replies: CrmReplyRecorder = recordCrmReplies(crm, 'tab-1')
    expectTypeOf(replies.messages).toEqualTypeOf<UcpToCrmMessage[]>()
    expectTypeOf(replies.stop).toEqualTypeOf<() => void>()
  })

  it('is not part of the core entry', () => {
    expectTypeOf(core).not.toHaveProperty('simulateCrmMessage')
    expectTypeOf(core).not.toHaveProperty('recordCrmReplies')
  })
})
