import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CrmClientError, createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'

const UCP = 'https://ucp.example.com'
let frameWindow: Window
// The frame's parent as jsdom gives it (vitest's global `window` is another proxy of it).
let ucpWindow: Window
let sent: Array<{ message: Record<string, unknown>; targetOrigin: string }>
let client: CrmClient | undefined

beforeEach(() => {
  document.body.innerHTML = ''
  frameWindow = document.body.appendChild(document.createElement('iframe')).contentWindow as Window
  ucpWindow = frameWindow.parent
  sent = []
  // The page's messages to UCP, as UCP's window would receive them.
  vi.spyOn(ucpWindow, 'postMessage').mockImplementation(((
    message: Record<string, unknown>,
    targetOrigin: string,
  ) => {
    sent.push({ message, targetOrigin })
  }) as Window['postMessage'])
})
afterEach(() => {
  client?.destroy()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

/** UCP answering the page: a message on the frame's window from its parent. */
function fromUcp(
  data: unknown,
  { origin = UCP, source = undefined as MessageEventSource | undefined } = {},
) {
  frameWindow.dispatchEvent(
    new MessageEvent('message', { data, origin, source: source ?? ucpWindow }),
  )
}
const lastRequest = () => sent.at(-1)?.message as { requestId: string; type: string }

describe('createCrmClient', () => {
  it('asks UCP for a hello at once, to parentOrigin', () => {
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    expect(sent).toEqual([{ message: { type: 'CRM_HELLO', version: 1 }, targetOrigin: UCP }])
  })

  it('is ready on UCP’s hello and knows its tab', async () => {
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    fromUcp({ type: 'UCP_HELLO', version: 1, tabId: 'tab-1' })
    await expect(client.ready).resolves.toEqual({ tabId: 'tab-1', version: 1 })
    expect(client.tabId).toBe('tab-1')
  })

  it('hears nothing from another origin or another window than its parent', async () => {
    vi.useFakeTimers()
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow, readyTimeout: 1000 })
    fromUcp({ type: 'UCP_HELLO', version: 1, tabId: 'evil' }, { origin: 'https://evil.example' })
    fromUcp({ type: 'UCP_HELLO', version: 1, tabId: 'evil' }, { source: frameWindow })
    vi.advanceTimersByTime(1000)
    await expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
    expect(client.tabId).toBeUndefined()
  })

  it('resolves makeCall on an ok answer to its requestId', async () => {
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    const call = client.makeCall('+1 (555) 123-4567')
    const request = lastRequest()
    expect(sent.at(-1)).toEqual({
      message: {
        type: 'MAKE_CALL',
        payload: { destination: '+1 (555) 123-4567' },
        requestId: request.requestId,
        version: 1,
      },
      targetOrigin: UCP,
    })
    fromUcp({ type: 'MAKE_CALL_RESULT', requestId: request.requestId, version: 1, ok: true })
    await expect(call).resolves.toBeUndefined()
  })

  it('rejects with UCP’s reason code', async () => {
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    const close = client.closeTab('550e8400-e29b-41d4-a716-446655440000')
    expect(lastRequest()).toMatchObject({
      type: 'CLOSE_CRM_TAB',
      payload: { id: '550e8400-e29b-41d4-a716-446655440000' },
    })
    const error = { code: 'unknown-tab', message: 'no open tab has this id' }
    fromUcp({
      type: 'CLOSE_CRM_TAB_RESULT',
      requestId: lastRequest().requestId,
      version: 1,
      ok: false,
      error,
    })
    await expect(close).rejects.toEqual(
      expect.objectContaining({ name: 'CrmClientError', ...error }),
    )
    await expect(close).rejects.toBeInstanceOf(CrmClientError)
  })

  it('sends a bare close without payload, as the spec’s example', () => {
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    void client.closeTab().catch(() => {})
    expect(lastRequest()).not.toHaveProperty('payload')
  })

  it('ignores answers from another origin', async () => {
    vi.useFakeTimers()
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow, timeout: 500 })
    const call = client.makeCall('1')
    fromUcp(
      { type: 'MAKE_CALL_RESULT', requestId: lastRequest().requestId, version: 1, ok: true },
      { origin: 'https://evil.example' },
    )
    vi.advanceTimersByTime(500)
    await expect(call).rejects.toMatchObject({ code: 'timeout' })
  })

  it('times out a request UCP never answers, by default after 10 s, or as told per call', async () => {
    vi.useFakeTimers()
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    const slow = client.makeCall('1')
    const quick = client.makeCall('2', { timeout: 100 })
    vi.advanceTimersByTime(100)
    await expect(quick).rejects.toMatchObject({ code: 'timeout' })
    vi.advanceTimersByTime(9_899)
    const settled = vi.fn()
    slow.then(settled, settled)
    await Promise.resolve()
    expect(settled).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    await expect(slow).rejects.toMatchObject({ code: 'timeout' })
  })

  it('gives every request its own id, even a thousand in one millisecond', () => {
    client = createCrmClient({ window: frameWindow, timeout: 60_000 })
    for (let i = 0; i < 1000; i++) void client.makeCall('1').catch(() => {})
    const ids = new Set(sent.slice(1).map(({ message }) => message.requestId))
    expect(ids.size).toBe(1000)
  })

  it('posts to "*" only when no parentOrigin is given, as the spec does', () => {
    client = createCrmClient({ window: frameWindow })
    expect(sent[0]?.targetOrigin).toBe('*')
  })

  it('rejects what is pending with destroyed, and stops listening', async () => {
    client = createCrmClient({ parentOrigin: UCP, window: frameWindow })
    const call = client.makeCall('1')
    const { requestId } = lastRequest()
    client.destroy()
    await expect(call).rejects.toMatchObject({ code: 'destroyed' })
    await expect(client.ready).rejects.toMatchObject({ code: 'destroyed' })
    fromUcp({ type: 'UCP_HELLO', version: 1, tabId: 'late' })
    fromUcp({ type: 'MAKE_CALL_RESULT', requestId, version: 1, ok: true })
    expect(client.tabId).toBeUndefined()
  })

  it('says no-parent when the page is not in a frame', async () => {
    client = createCrmClient({ window: ucpWindow })
    await expect(client.makeCall('1')).rejects.toMatchObject({ code: 'no-parent' })
    await expect(client.ready).rejects.toMatchObject({ code: 'no-parent' })
    expect(sent).toEqual([])
  })
})
