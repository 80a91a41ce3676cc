// The demo UCP's store as main.tsx makes it, in jsdom: its softphone's calls from placed to ended,
// its own message types and grants, and the call statuses its Messages panel logs. The browsers
// drive the same through the shell (__tests__/e2e/scenarios).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { crmTabOpened, selectCrmCalls, selectCrmTabs } from 'ucp-crm-bridge'
import { recordCrmReplies, simulateCrmMessage } from 'ucp-crm-bridge/testing'
import { createDemoStore } from '../../docs/demo/createDemoStore'
import type { DemoConfig } from '../../docs/demo/demoConfig'
import { SOFTPHONE_DELAYS_MS } from '../../docs/demo/softphone'

const config: DemoConfig = {
  shellOrigin: 'http://127.0.0.1:5173',
  crmOrigin: 'http://localhost:5173',
  secondCrmOrigin: 'http://localhost:5174',
  identityOrigin: 'http://127.0.0.1:5174',
}
const { place, ring, answer } = SOFTPHONE_DELAYS_MS

let demo: ReturnType<typeof createDemoStore>
beforeEach(() => {
  vi.useFakeTimers()
  // The bridge warns of what it refuses in development builds, as the demo's are.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  // The demo's onError writes here: nothing in these flows is a bug, a failed dial included.
  vi.spyOn(console, 'error')
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  demo = createDemoStore(config)
  demo.crm.start(demo.store)
})
afterEach(() => {
  expect(console.error).not.toHaveBeenCalled()
  demo.crm.destroy()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** Opens a tab of the demo's sample page on `origin` and registers its frame, as CrmFrames does. */
function openTab(origin = config.crmOrigin, crm = 'Acme') {
  const url = `${origin}/crm.html?${new URLSearchParams({ crm, record: 'Contact 42' })}`
  const tab = demo.store.dispatch(crmTabOpened({ url, title: 'Contact 42' })).payload
  const frame = document.createElement('iframe')
  frame.src = url
  document.getElementById('iframe-parent')!.append(frame)
  demo.crm.registry.register(tab.id, frame)
  return tab
}

const call = (destination: string, requestId?: string) => ({
  type: 'MAKE_CALL',
  payload: { destination },
  ...(requestId !== undefined && { requestId }),
})
const lastCall = () => selectCrmCalls(demo.store.getState()).at(-1)!
const log = () => demo.store.getState().demoMessages

describe("the demo's softphone", () => {
  it('places a call, rings it, has it answered, and Hang up ends it completed with its talk time', async () => {
    const tab = openTab()
    simulateCrmMessage(demo.crm, tab.id, call('+1 (555) 123-4567'))
    await vi.advanceTimersByTimeAsync(place)
    expect(lastCall().status).toBe('placed')
    await vi.advanceTimersByTimeAsync(ring)
    expect(lastCall().status).toBe('ringing')
    await vi.advanceTimersByTimeAsync(answer)
    expect(lastCall().status).toBe('connected')
    await vi.advanceTimersByTimeAsync(42_000) // a connected call lasts until the agent hangs up
    expect(lastCall().status).toBe('connected')
    demo.softphone.hangUp(lastCall().requestId)
    expect(lastCall()).toMatchObject({
      status: 'ended',
      endReason: 'completed',
      durationMs: 42_000,
    })
  })

  it('ends a call to the busy number busy once placed, and fails one to the unreachable number', async () => {
    const tab = openTab()
    const replies = recordCrmReplies(demo.crm, tab.id)
    simulateCrmMessage(demo.crm, tab.id, call('+1 (555) 000-0000', 'busy'))
    simulateCrmMessage(demo.crm, tab.id, call('+1 (555) 000-0001', 'unreachable'))
    await vi.advanceTimersByTimeAsync(place + ring + answer)
    const [busy, unreachable] = selectCrmCalls(demo.store.getState())
    expect(busy).toMatchObject({ status: 'ended', endReason: 'busy', durationMs: 0 })
    expect(busy).not.toHaveProperty('ringingAt')
    expect(unreachable).toMatchObject({ status: 'failed', error: { code: 'unreachable' } })
    expect(replies.messages).toEqual([
      expect.objectContaining({ type: 'MAKE_CALL_RESULT', requestId: 'busy', ok: true }),
      expect.objectContaining({ type: 'MAKE_CALL_RESULT', requestId: 'unreachable', ok: false }),
      expect.objectContaining({ type: 'UCP_CALL_STATUS', requestId: 'busy', status: 'ended' }),
    ])
  })

  it('ends a call hung up before it connected as cancelled, and one still dialing too, answered placed', async () => {
    const tab = openTab()
    const replies = recordCrmReplies(demo.crm, tab.id)
    simulateCrmMessage(demo.crm, tab.id, call('555 0100', 'dialing'))
    await vi.advanceTimersByTimeAsync(0)
    demo.softphone.hangUp(lastCall().requestId)
    simulateCrmMessage(demo.crm, tab.id, call('555 0101', 'ringing'))
    await vi.advanceTimersByTimeAsync(place + ring)
    demo.softphone.hangUp(lastCall().requestId)
    await vi.advanceTimersByTimeAsync(answer)
    expect(selectCrmCalls(demo.store.getState()).map((c) => [c.status, c.endReason])).toEqual([
      ['ended', 'cancelled'],
      ['ended', 'cancelled'],
    ])
    expect(replies.messages.filter((m) => m.type === 'MAKE_CALL_RESULT')).toEqual([
      expect.objectContaining({ requestId: 'dialing', ok: true }),
      expect.objectContaining({ requestId: 'ringing', ok: true }),
    ])
  })
})

describe("the Messages panel's call statuses", () => {
  it('are logged for a call asked for with a requestId, each step once, by the page’s own id', async () => {
    const tab = openTab()
    simulateCrmMessage(demo.crm, tab.id, call('+1 (555) 123-4567')) // the spec's raw message
    simulateCrmMessage(demo.crm, tab.id, call('555 0100', 'r-1'))
    await vi.advanceTimersByTimeAsync(place + ring + answer)
    const callId = lastCall().requestId
    demo.softphone.hangUp(callId)
    demo.softphone.hangUp(callId) // twice: the call ended once
    const statuses = log().filter((entry) => entry.kind === 'status')
    expect(statuses).toEqual([
      expect.objectContaining({ requestId: 'r-1', status: 'ringing', tabId: tab.id }),
      expect.objectContaining({ requestId: 'r-1', status: 'connected', origin: config.crmOrigin }),
      expect.objectContaining({ status: 'ended', reason: 'completed', durationMs: 0 }),
    ])
  })
})

describe("the demo UCP's own messages", () => {
  it('opens a record as a new tab of the sender’s CRM and answers its id; reads the agent state', async () => {
    const tab = openTab()
    const replies = recordCrmReplies(demo.crm, tab.id)
    simulateCrmMessage(demo.crm, tab.id, call('555 0100'))
    const open = { type: 'OPEN_RECORD', requestId: 'o-1', payload: { record: ' Contact 43 ' } }
    simulateCrmMessage(demo.crm, tab.id, open)
    simulateCrmMessage(demo.crm, tab.id, { type: 'GET_AGENT_STATE', requestId: 's-1' })
    await vi.advanceTimersByTimeAsync(0)
    const opened = selectCrmTabs(demo.store.getState()).at(-1)!
    expect(opened).toMatchObject({
      title: 'Contact 43',
      url: `${config.crmOrigin}/crm.html?crm=Acme&record=Contact+43`,
    })
    expect(demo.store.getState().crmTabs.activeId).toBe(opened.id)
    expect(replies.messages).toEqual([
      expect.objectContaining({ requestId: 'o-1', ok: true, result: { tabId: opened.id } }),
      expect.objectContaining({
        requestId: 's-1',
        ok: true,
        result: { status: 'on-call', liveCalls: 1 },
      }),
    ])
  })

  it.each([[{}], [{ record: '' }], [{ record: 'x'.repeat(61) }], [{ record: 'a\u0007b' }]])(
    'refuses OPEN_RECORD with %j as invalid-message',
    async (payload) => {
      const tab = openTab()
      simulateCrmMessage(demo.crm, tab.id, { type: 'OPEN_RECORD', requestId: 'o-1', payload })
      await vi.advanceTimersByTimeAsync(0)
      expect(log().map((entry) => 'reason' in entry && entry.reason)).toContain('invalid-message')
      expect(selectCrmTabs(demo.store.getState())).toHaveLength(1)
    },
  )

  it('refuses Globex’s OPEN_RECORD as not-granted, and lets it read the agent state', async () => {
    const tab = openTab(config.secondCrmOrigin, 'Globex')
    const replies = recordCrmReplies(demo.crm, tab.id)
    simulateCrmMessage(demo.crm, tab.id, { type: 'CRM_HELLO', version: 1 })
    simulateCrmMessage(demo.crm, tab.id, {
      type: 'OPEN_RECORD',
      requestId: 'o-1',
      payload: { record: 'Ticket 8' },
    })
    simulateCrmMessage(demo.crm, tab.id, { type: 'GET_AGENT_STATE', requestId: 's-1' })
    await vi.advanceTimersByTimeAsync(0)
    expect(replies.messages).toEqual([
      expect.objectContaining({
        type: 'UCP_HELLO',
        types: ['CLOSE_CRM_TAB', 'MAKE_CALL', 'GET_AGENT_STATE'],
      }),
      expect.objectContaining({
        requestId: 'o-1',
        ok: false,
        error: expect.objectContaining({ code: 'not-granted' }),
      }),
      expect.objectContaining({ requestId: 's-1', ok: true }),
    ])
    expect(selectCrmTabs(demo.store.getState())).toHaveLength(1)
  })
})
