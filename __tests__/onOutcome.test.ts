// onOutcome: one plain record per protocol message, once its outcome is known, with what was posted
// back and when; never the payload.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { selectCrmCalls, type CrmMessageOutcome } from 'ucp-crm-bridge'
import { CRM_ORIGIN, setupBridge } from './support/harness'
import { stringsHolding } from './support/numberLeaks'

let bridge: ReturnType<typeof setupBridge>
let outcomes: CrmMessageOutcome[]
afterEach(() => {
  bridge.crm.destroy()
  vi.useRealTimers()
})

function setup(options: Parameters<typeof setupBridge>[0] = {}) {
  outcomes = []
  bridge = setupBridge({ onOutcome: (outcome) => void outcomes.push(outcome), ...options })
  return bridge
}

const PHONE = '+1 (555) 123-4567'
const call = (requestId?: string, destination = PHONE) => ({
  type: 'MAKE_CALL',
  payload: { destination },
  ...(requestId === undefined ? {} : { requestId }),
})
const uuid = expect.stringMatching(/^[0-9a-f-]{36}$/)

describe('onOutcome', () => {
  it('tells of a call when it is placed, with the answer posted and the time it took', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    setup()
    let connect!: () => void
    bridge.dial.mockReturnValue(new Promise<void>((resolve) => (connect = resolve)))
    const { tab, frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame })
    // expect.poll, not vi.waitFor: it moves the fake clock only after a failed attempt, once the
    // work it waits for has read the time.
    await expect.poll(() => selectCrmCalls(bridge.store.getState())[0]?.status).toBe('dialing')
    expect(outcomes).toEqual([])
    vi.advanceTimersByTime(1_500)
    connect()
    await expect.poll(() => outcomes).toHaveLength(1)
    const requestId = (bridge.actions[1]!.meta as { requestId: string }).requestId
    expect(outcomes).toEqual([
      {
        type: 'MAKE_CALL',
        origin: CRM_ORIGIN,
        tabId: tab.id,
        requestId,
        answer: { type: 'MAKE_CALL_RESULT' },
        receivedAt: expect.any(Number),
        settledAt: expect.any(Number),
      },
    ])
    expect(outcomes[0]!.settledAt - outcomes[0]!.receivedAt).toBe(1_500)
  })

  it('tells of a failed call with dial-failed, and of a close, carried out or refused', async () => {
    setup()
    bridge.dial.mockRejectedValue(new Error('busy'))
    const a = bridge.openTab('https://crm.example.com/a')
    const b = bridge.openTab('https://crm.example.com/b')
    const other = bridge.openTab('https://other.example/b')
    bridge.post(call(), { frame: a.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: other.tab.id } }, { frame: a.frame })
    bridge.post(
      { type: 'CLOSE_CRM_TAB', payload: { id: b.tab.id }, requestId: 'bye' },
      { frame: a.frame },
    )
    await bridge.requestsSettled()
    const byType = (type: string) => outcomes.filter((outcome) => outcome.type === type)
    expect(byType('MAKE_CALL')).toEqual([
      expect.objectContaining({ reason: 'dial-failed', requestId: uuid, tabId: a.tab.id }),
    ])
    expect(byType('CLOSE_CRM_TAB')).toEqual([
      expect.objectContaining({ reason: 'not-permitted', requestId: uuid }),
      expect.objectContaining({ answer: { type: 'CLOSE_CRM_TAB_RESULT' }, requestId: uuid }),
    ])
    expect(byType('CLOSE_CRM_TAB')[1]).not.toHaveProperty('reason')
    expect(byType('MAKE_CALL')[0]).not.toHaveProperty('answer') // it asked for none
  })

  it('tells of a message refused on arrival at once, with the refusal posted back if it asked', () => {
    setup()
    const { tab, frame } = bridge.openTab()
    bridge.post(call('r-1', 'no digits'), { frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window, origin: 'https://evil.example' })
    bridge.post({ type: 'OPEN_TAB' }, { frame })
    bridge.post('webpackHotUpdate', { frame }) // not the protocol: nothing to tell
    expect(outcomes).toEqual([
      {
        type: 'MAKE_CALL',
        origin: CRM_ORIGIN,
        tabId: tab.id,
        reason: 'invalid-destination',
        detail: 'payload.destination is not a number that can be dialled as shown',
        answer: { type: 'MAKE_CALL_RESULT', code: 'invalid-destination' },
        receivedAt: expect.any(Number),
        settledAt: expect.any(Number),
      },
      {
        type: 'CLOSE_CRM_TAB',
        origin: 'https://evil.example',
        reason: 'unknown-source',
        receivedAt: expect.any(Number),
        settledAt: expect.any(Number),
      },
      {
        origin: CRM_ORIGIN,
        tabId: tab.id,
        reason: 'unknown-type',
        detail: "unknown type 'OPEN_TAB'",
        receivedAt: expect.any(Number),
        settledAt: expect.any(Number),
      },
    ])
  })

  it('tells of a hello asked for and sent', () => {
    setup()
    const { tab, frame } = bridge.openTab()
    bridge.post({ type: 'CRM_HELLO' }, { frame })
    expect(outcomes).toEqual([
      expect.objectContaining({ type: 'CRM_HELLO', tabId: tab.id, answer: { type: 'UCP_HELLO' } }),
    ])
  })

  it('still tells of a call whose page reloaded meanwhile, with no answer, as none could be posted', async () => {
    setup()
    let connect!: () => void
    bridge.dial.mockReturnValue(new Promise<void>((resolve) => (connect = resolve)))
    const { frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame })
    frame.dispatchEvent(new Event('load'))
    connect()
    await bridge.requestsSettled()
    expect(outcomes).toEqual([expect.not.objectContaining({ answer: expect.anything() })])
    expect(outcomes[0]).not.toHaveProperty('reason')
  })

  it('never carries the payload: plain JSON data without the number', async () => {
    setup()
    bridge.dial.mockRejectedValueOnce(new Error(`cannot reach ${PHONE}`))
    const { frame } = bridge.openTab()
    bridge.post(call('r-1'), { frame })
    bridge.post(call('r-2', `${PHONE} ext. 89`), { frame })
    bridge.post(call('r-1'), { frame }) // a repeated request id
    await bridge.requestsSettled()
    expect(outcomes).toHaveLength(3)
    expect(JSON.parse(JSON.stringify(outcomes))).toEqual(outcomes)
    const reasons = outcomes.map((outcome) => outcome.reason ?? 'placed')
    expect(reasons.sort()).toEqual(['dial-failed', 'duplicate', 'placed'])
    expect(stringsHolding(outcomes, '5551234567')).toEqual([])
  })
})
