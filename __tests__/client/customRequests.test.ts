// crm.request(type, payload, { timeout }): a custom message type of UCP's, answered with a result.
import { describe, expect, it, vi } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, framedPage, greetedEachTest, isSettled, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient
greetedEachTest((page, greeted) => {
  frame = page
  client = greeted
})

/** UCP's answer to the last request, ok with `fields` (such as its result). */
function answerWith(fields: object) {
  const { type, requestId } = frame.lastRequest()
  frame.fromUcp({ type: `${type}_RESULT`, requestId, version: 1, ok: true, ...fields })
}

describe('a custom request', () => {
  it('posts its type and payload to UCP’s origin, and resolves to the answer’s result', async () => {
    const open = client.request('OPEN_RECORD', { id: 42 })
    await frame.requestsPosted()
    expect(frame.requests()).toEqual([
      {
        message: {
          type: 'OPEN_RECORD',
          requestId: frame.lastRequest().requestId,
          version: 1,
          payload: { id: 42 },
        },
        targetOrigin: UCP,
      },
    ])
    answerWith({ result: { opened: true, tabId: 'tab-2' } })
    await expect(open).resolves.toEqual({ opened: true, tabId: 'tab-2' })
  })

  it('resolves to undefined when the answer carries no result', async () => {
    const open = client.request('OPEN_RECORD', { id: 42 })
    await frame.requestsPosted()
    frame.answer()
    await expect(open).resolves.toBeUndefined()
  })

  it('rejects with UCP’s reason code', async () => {
    const open = client.request('OPEN_RECORD', { id: 42 })
    await frame.requestsPosted()
    frame.answer('failed')
    await expect(open).rejects.toMatchObject({ name: 'CrmClientError', code: 'failed' })
  })

  it('takes only its own type’s answer', async () => {
    const open = client.request('OPEN_RECORD', { id: 42 })
    await frame.requestsPosted()
    answerWith({ type: 'MAKE_CALL_RESULT', result: 'not mine' })
    expect(await isSettled(open)).toBe(false)
  })

  it('sends any JSON payload, null, 0, false and "" included, and none when it has none', async () => {
    for (const payload of [null, 0, false, '', [1], 'text']) {
      void client.request('SAVE', payload).catch(() => {})
    }
    void client.request('GET_AGENT_STATE').catch(() => {})
    await frame.requestsPosted(7)
    const sent = frame.requests().map(({ message }) => message)
    expect(sent.slice(0, 6).map((message) => message.payload)).toEqual([
      null,
      0,
      false,
      '',
      [1],
      'text',
    ])
    expect(sent[6]).not.toHaveProperty('payload')
  })

  it('times out after its own timeout, and refuses one that is not a delay', async () => {
    vi.useFakeTimers()
    const quick = client.request('OPEN_RECORD', { id: 1 }, { timeout: 100 })
    const fails = expect(quick).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(100)
    await fails
    await expect(client.request('OPEN_RECORD', { id: 1 }, { timeout: -1 })).rejects.toMatchObject({
      code: 'invalid-option',
    })
  })
})

describe('a custom request made before the hello', () => {
  it('waits for it, and is sent and answered once it comes', async () => {
    const late = framedPage()
    const page = createCrmClient({ parentOrigin: UCP, window: late.page })
    const state = page.request('GET_AGENT_STATE')
    expect(late.requests()).toEqual([])
    late.hello()
    await late.requestsPosted()
    const { requestId } = late.lastRequest()
    late.fromUcp({
      type: 'GET_AGENT_STATE_RESULT',
      requestId,
      version: 1,
      ok: true,
      result: { state: 'ready' },
    })
    await expect(state).resolves.toEqual({ state: 'ready' })
    page.destroy()
  })
})
