import { describe, expect, it, vi } from 'vitest'
import { CrmClientError, type CrmClient } from 'ucp-crm-bridge/client'
import { MAX_REQUEST_ID_LENGTH } from '../../src/protocol/rules'
import { UCP, greetedEachTest, isSettled, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient

greetedEachTest((page, greeted) => {
  frame = page
  client = greeted
})

/** Makes a call and waits until the client posted it. */
async function call(destination = '+1 (555) 123-4567', options?: { timeout?: number }) {
  const before = frame.requests().length
  const request = client.makeCall(destination, options)
  await frame.requestsPosted(before + 1)
  return { request }
}

describe('the client’s requests', () => {
  it('resolves makeCall on an ok answer to its requestId', async () => {
    const { request } = await call()
    expect(frame.requests()).toEqual([
      {
        message: {
          type: 'MAKE_CALL',
          payload: { destination: '+1 (555) 123-4567' },
          requestId: frame.lastRequest().requestId,
          version: 1,
        },
        targetOrigin: UCP,
      },
    ])
    frame.answer()
    await expect(request).resolves.toMatchObject({ status: 'placed' })
  })

  it('rejects with UCP’s reason code, as a CrmClientError', async () => {
    const close = client.closeTab('550e8400-e29b-41d4-a716-446655440000')
    await frame.requestsPosted()
    expect(frame.lastRequest()).toMatchObject({
      type: 'CLOSE_CRM_TAB',
      payload: { id: '550e8400-e29b-41d4-a716-446655440000' },
    })
    frame.answer('unknown-tab')
    await expect(close).rejects.toEqual(
      expect.objectContaining({
        name: 'CrmClientError',
        code: 'unknown-tab',
        message: 'unknown-tab',
      }),
    )
    await expect(close).rejects.toBeInstanceOf(CrmClientError)
  })

  it('sends a bare close without payload, as the spec’s example', async () => {
    void client.closeTab().catch(() => {})
    await frame.requestsPosted()
    expect(frame.lastRequest()).not.toHaveProperty('payload')
  })

  it('takes an answer only of its request’s own type and of a protocol version', async () => {
    const { request } = await call()
    const { requestId } = frame.lastRequest()
    for (const answer of [
      { type: 'CLOSE_CRM_TAB_RESULT', requestId, version: 1, ok: true },
      { type: 'MAKE_CALLS_RESULT', requestId, version: 1, ok: true },
      { type: 'UCP_HELLO', requestId, version: 1, ok: true },
      { type: 'MAKE_CALL_RESULT', requestId, version: 1.5, ok: true },
      { type: 'MAKE_CALL_RESULT', requestId, version: 0, ok: true },
      { type: 'MAKE_CALL_RESULT', requestId, ok: true },
      { type: 'MAKE_CALL_RESULT', requestId: `${requestId}0`, version: 1, ok: true },
    ]) {
      frame.fromUcp(answer)
    }
    expect(await isSettled(request)).toBe(false)
    frame.answer()
    await expect(request).resolves.toMatchObject({ status: 'placed' })
  })

  it('ignores answers from another origin or another window', async () => {
    const { request } = await call()
    frame.answer(undefined, { origin: 'https://evil.example' })
    const { requestId } = frame.lastRequest()
    frame.fromUcp(
      { type: 'MAKE_CALL_RESULT', requestId, version: 1, ok: true },
      { source: frame.page },
    )
    expect(await isSettled(request)).toBe(false)
  })

  it('takes only ok: true as success; anything else is a failure', async () => {
    const { request } = await call()
    frame.fromUcp({
      type: 'MAKE_CALL_RESULT',
      requestId: frame.lastRequest().requestId,
      version: 1,
      ok: 'yes',
    })
    await expect(request).rejects.toMatchObject({ code: 'internal-error' })
  })

  it('times out a request UCP never answers, by default after 35 s (past UCP’s dial deadline), or as told per call', async () => {
    vi.useFakeTimers()
    const { request: slow } = await call('1')
    const { request: quick } = await call('2', { timeout: 100 })
    const quickFails = expect(quick).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(100)
    await quickFails
    await vi.advanceTimersByTimeAsync(34_899)

    expect(await isSettled(slow)).toBe(false)
    const slowFails = expect(slow).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(1)
    await slowFails
  })

  it('refuses a per-call timeout that is not a delay, at once and without posting', async () => {
    for (const timeout of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100']) {
      await expect(
        client.makeCall('1', { timeout } as never),
        String(timeout),
      ).rejects.toMatchObject({
        code: 'invalid-option',
      })
    }
    expect(frame.requests()).toEqual([])
  })

  it('gives every request its own id within UCP’s limit, even a thousand in one millisecond', async () => {
    for (let i = 0; i < 1000; i++) void client.makeCall('1').catch(() => {})
    await frame.requestsPosted(1000)
    const ids = frame.requests().map(({ message }) => message.requestId!)
    expect(new Set(ids).size).toBe(1000)
    expect(Math.max(...ids.map((id) => id.length))).toBeLessThanOrEqual(MAX_REQUEST_ID_LENGTH)
  })

  it('rejects with post-failed when the browser will not post the message', async () => {
    frame.postMessage.mockImplementationOnce(() => {
      throw new DOMException('could not be cloned', 'DataCloneError')
    })
    const request = client.makeCall({ toString: () => '1' } as never)
    await expect(request).rejects.toBeInstanceOf(CrmClientError)
    await expect(request).rejects.toMatchObject({ code: 'post-failed' })
  })
})
