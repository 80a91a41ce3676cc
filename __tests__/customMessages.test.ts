// UCP's own message types through the same gate as the built-ins: parse, handle, the answer and its
// result, the action UCP's listeners match, the limits, and the errors of the host's callbacks.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCrmMessageAction, type CrmMessageDefinition } from 'ucp-crm-bridge'

import { CRM_ORIGIN, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => {
  bridge?.crm.destroy()
  vi.useRealTimers()
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
const parseRecordId = (payload: unknown) =>
  isRecord(payload) && Number.isSafeInteger(payload.id) ? { id: payload.id as number } : undefined

/** What the host posted back to a frame, as `[requestId, 'ok' | code, result]`. */
function answersTo(frame: HTMLIFrameElement) {
  const spy = vi.spyOn(frame.contentWindow as Window, 'postMessage')
  return () =>
    spy.mock.calls
      .map(
        ([message]) =>
          message as {
            type: string
            requestId?: string
            ok?: boolean
            error?: { code: string }
            result?: unknown
          },
      )
      .filter((message) => message.type.endsWith('_RESULT'))
      .map(({ requestId, ok, error, result }) => [requestId, ok ? 'ok' : error?.code, result])
}

const open = (requestId: string, payload: unknown = { id: 42 }) => ({
  type: 'OPEN_RECORD',
  requestId,
  payload,
})

describe('a custom message type', () => {
  it('is parsed, dispatched as a plain action with the built-ins’ meta, handled, and answered with its result', async () => {
    const handle = vi.fn(({ id }: { id: number }) => Promise.resolve({ opened: id }))
    bridge = setupBridge({ messages: { OPEN_RECORD: { parse: parseRecordId, handle } } })
    const { tab, frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(open('r-1', { id: 42, extra: 'ignored by parse' }), { frame })
    await bridge.requestsSettled()
    const action = bridge.actions.find((a) => a.type === 'crm/OPEN_RECORD/requested')!
    expect(action).toEqual({
      type: 'crm/OPEN_RECORD/requested',
      payload: { id: 42 },
      meta: {
        origin: CRM_ORIGIN,
        tabId: tab.id,
        requestId: expect.any(String),
        receivedAt: expect.any(Number),
        clientRequestId: 'r-1',
        bridgeId: expect.any(String),
      },
    })
    expect(bridge.crm.messages.OPEN_RECORD!.match(action)).toBe(true)
    expect(createCrmMessageAction('OPEN_RECORD').match(action)).toBe(true)
    expect(handle).toHaveBeenCalledWith(
      { id: 42 },
      expect.objectContaining({
        requestId: (action.meta as { requestId: string }).requestId,
        tabId: tab.id,
        origin: CRM_ORIGIN,
      }),
    )
    expect(answers()).toEqual([['r-1', 'ok', { opened: 42 }]])
  })

  it('is done once its action went through when it has no handle: UCP’s own listeners react', async () => {
    bridge = setupBridge({ messages: { PING: { parse: () => ({}) } } })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post({ type: 'PING', requestId: 'p-1' }, { frame })
    await bridge.requestsSettled()
    expect(bridge.types()).toContain('crm/PING/requested')
    expect(answers()).toEqual([['p-1', 'ok', undefined]])
  })

  it('is refused as invalid-message, dispatching nothing, when parse returns undefined or throws', async () => {
    const bug = new Error('parse is broken')
    bridge = setupBridge({
      messages: {
        OPEN_RECORD: { parse: parseRecordId },
        BROKEN: {
          parse: () => {
            throw bug
          },
        },
      },
    })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(open('r-1', { id: 'not a number' }), { frame })
    bridge.post({ type: 'BROKEN', requestId: 'r-2', payload: {} }, { frame })
    expect(answers()).toEqual([
      ['r-1', 'invalid-message', undefined],
      ['r-2', 'invalid-message', undefined],
    ])
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.onError.mock.calls).toEqual([[bug, { raisedBy: 'parse' }]])
  })

  it('answers failed, and tells onError, when handle throws or rejects; no error for its own timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const bug = new Error('handle is broken')
    const definition = (handle: CrmMessageDefinition['handle'], timeout?: number) => ({
      parse: () => ({}),
      handle,
      timeout,
    })
    bridge = setupBridge({
      messages: {
        THROWS: definition(() => {
          throw bug
        }),
        REJECTS: definition(() => Promise.reject(bug)),
        HANGS: definition(() => new Promise(() => {}), 1_000),
        CYCLIC: definition(() => {
          const cyclic: Record<string, unknown> = {}
          cyclic.self = cyclic
          return cyclic
        }),
      },
    })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    for (const type of ['THROWS', 'REJECTS', 'HANGS', 'CYCLIC']) {
      bridge.post({ type, requestId: type }, { frame })
    }
    await vi.advanceTimersByTimeAsync(1_000)
    await vi.waitFor(() => expect(answers()).toHaveLength(4))
    expect(Object.fromEntries(answers().map(([id, code]) => [id, code]))).toEqual({
      THROWS: 'failed',
      REJECTS: 'failed',
      HANGS: 'failed',
      CYCLIC: 'failed',
    })
    expect(bridge.onError.mock.calls.map(([, { raisedBy }]) => raisedBy)).toEqual([
      'handle',
      'handle',
      'handle',
    ])
  })

  it('is limited per type and tab: 60 a minute by default, or its own perMinute', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    bridge = setupBridge({
      messages: { NOTE: { parse: () => ({}) }, RARE: { parse: () => ({}), perMinute: 2 } },
    })
    const a = bridge.openTab('https://crm.example.com/a')
    const b = bridge.openTab('https://crm.example.com/b')
    for (let i = 0; i < 61; i++) bridge.post({ type: 'NOTE' }, { frame: a.frame })
    for (let i = 0; i < 3; i++) bridge.post({ type: 'RARE' }, { frame: a.frame })
    bridge.post({ type: 'RARE' }, { frame: b.frame }) // another tab has its own count
    expect(bridge.crm.getStats()).toMatchObject({ accepted: 63, rejected: { 'rate-limited': 2 } })
    vi.advanceTimersByTime(60_000)
    bridge.post({ type: 'RARE' }, { frame: a.frame })
    expect(bridge.crm.getStats().accepted).toBe(64)
  })

  it('acts on a repeated requestId once, as the built-ins do', async () => {
    const handle = vi.fn()
    bridge = setupBridge({ messages: { OPEN_RECORD: { parse: parseRecordId, handle } } })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post(open('r-1'), { frame })
    bridge.post(open('r-1'), { frame })
    await bridge.requestsSettled()
    expect(handle).toHaveBeenCalledTimes(1)
    expect(answers()).toEqual([
      ['r-1', 'duplicate', undefined],
      ['r-1', 'ok', undefined],
    ])
  })

  it('passes the sender check first: a frame that is no tab’s, or at another origin, is never parsed', () => {
    const parse = vi.fn(parseRecordId)
    bridge = setupBridge({ messages: { OPEN_RECORD: { parse } } })
    const { frame } = bridge.openTab()
    bridge.post(open('r-1'), { frame, origin: 'https://evil.example' })
    bridge.post(open('r-2'), { source: window })
    expect(parse).not.toHaveBeenCalled()
    expect(bridge.crm.getStats().rejected).toEqual({ 'origin-not-allowed': 1, 'unknown-source': 1 })
  })

  it('answers unavailable when the bridge is destroyed before its handle settled', async () => {
    const signals: AbortSignal[] = []
    bridge = setupBridge({
      messages: {
        SLOW: {
          parse: () => ({}),
          handle: (_value, { signal }) => (signals.push(signal), new Promise(() => {})),
        },
      },
    })
    const { frame } = bridge.openTab()
    const answers = answersTo(frame)
    bridge.post({ type: 'SLOW', requestId: 's-1' }, { frame })
    await vi.waitFor(() => expect(signals).toHaveLength(1))
    bridge.crm.destroy()
    expect(answers()).toEqual([['s-1', 'unavailable', undefined]])
    expect(signals[0]!.aborted).toBe(true)
    expect(bridge.onError).not.toHaveBeenCalled()
  })
})
