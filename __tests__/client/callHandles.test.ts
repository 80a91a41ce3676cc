// makeCall resolves, once the call is placed, to a handle that follows the call to its end.
import { describe, expect, it, vi } from 'vitest'
import { createCrmClient, type CrmCallHandle, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, framedPage, greetedEachTest, isSettled, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient

greetedEachTest((page, greeted) => {
  frame = page
  client = greeted
})

/** A call the page made and UCP placed. */
async function placed(): Promise<CrmCallHandle> {
  const before = frame.requests().length
  const request = client.makeCall('+1 (555) 123-4567')
  await frame.requestsPosted(before + 1)
  frame.answer()
  return request
}

const ENDED = { durationMs: 42_000, reason: 'completed' }

describe('a placed call’s handle', () => {
  it('has the page’s own requestId and starts at placed', async () => {
    const call = await placed()
    expect(call.requestId).toBe(frame.lastRequest().requestId)
    expect(call.status).toBe('placed')
  })

  it('follows ringing, connected and ended, telling each listener in order', async () => {
    const call = await placed()
    const heard: string[] = []
    call.onStatus((status) => heard.push(`a:${status}`))
    call.onStatus((status) => heard.push(`b:${status}`))
    frame.callStatus(call.requestId, 'ringing')
    expect(call.status).toBe('ringing')
    frame.callStatus(call.requestId, 'connected')
    frame.callStatus(call.requestId, 'ended', ENDED)
    expect(call.status).toBe('ended')
    expect(heard).toEqual([
      'a:ringing',
      'b:ringing',
      'a:connected',
      'b:connected',
      'a:ended',
      'b:ended',
    ])
    await expect(call.ended).resolves.toEqual(ENDED)
  })

  it('stops telling a listener once it unsubscribed', async () => {
    const call = await placed()
    const kept = vi.fn()
    const dropped = vi.fn()
    call.onStatus(kept)
    const unsubscribe = call.onStatus(dropped)
    frame.callStatus(call.requestId, 'ringing')
    unsubscribe()
    frame.callStatus(call.requestId, 'connected')
    expect(dropped.mock.calls).toEqual([['ringing']])
    expect(kept.mock.calls).toEqual([['ringing'], ['connected']])
  })

  it('ends once: a repeated ended, and anything after it, are ignored', async () => {
    const call = await placed()
    const listener = vi.fn()
    call.onStatus(listener)
    frame.callStatus(call.requestId, 'ended', ENDED)
    frame.callStatus(call.requestId, 'ended', { durationMs: 1, reason: 'failed' })
    frame.callStatus(call.requestId, 'connected')
    expect(call.status).toBe('ended')
    expect(listener.mock.calls).toEqual([['ended']])
    await expect(call.ended).resolves.toEqual(ENDED)
  })

  it('hears only window.parent at UCP’s origin, with a protocol version, about its own call', async () => {
    const call = await placed()
    const { requestId } = call
    frame.callStatus(requestId, 'ringing', {}, { origin: 'https://evil.example' })
    frame.callStatus(requestId, 'ringing', {}, { source: frame.page })
    frame.callStatus(requestId, 'ringing', { version: 0 })
    frame.callStatus(requestId, 'ringing', { version: undefined })
    frame.callStatus(`${requestId}0`, 'ringing')
    frame.callStatus(requestId, 'ringing', { type: 'UCP_CALL_STATUSES' })
    expect(call.status).toBe('placed')
  })

  it('keeps up to date when a listener throws, and the listeners after it miss only that status', async () => {
    const call = await placed()
    const after = vi.fn()
    call.onStatus((status) => {
      if (status !== 'connected') throw new Error(`a page bug at ${status}`)
    })
    call.onStatus(after)
    const reported = vi.fn((event: ErrorEvent) => event.preventDefault())
    frame.page.addEventListener('error', reported)
    vi.spyOn(console, 'error').mockImplementation(() => {})
    frame.callStatus(call.requestId, 'ringing')
    expect(call.status).toBe('ringing')
    frame.callStatus(call.requestId, 'connected')
    frame.callStatus(call.requestId, 'ended', ENDED)
    expect(call.status).toBe('ended')
    await expect(call.ended).resolves.toEqual(ENDED)
    expect(after.mock.calls).toEqual([['connected']])
    expect(reported.mock.calls.map(([event]) => (event.error as Error).message)).toEqual([
      'a page bug at ringing',
      'a page bug at ended',
    ])
  })
})

describe('a call that is not placed', () => {
  it('has no handle: makeCall rejects, and status news of its id before the answer are ignored', async () => {
    const request = client.makeCall('1')
    await frame.requestsPosted()
    frame.callStatus(frame.lastRequest().requestId, 'ringing')
    frame.answer()
    expect((await request).status).toBe('placed')
    const refused = client.makeCall('2')
    await frame.requestsPosted(2)
    frame.answer('dial-failed')
    await expect(refused).rejects.toMatchObject({ code: 'dial-failed' })
  })
})

describe('the calls of the hello', () => {
  it('are handles at the hello’s status, that follow the call', async () => {
    const second = framedPage()
    const page = createCrmClient({ parentOrigin: UCP, window: second.page })
    second.hello('tab-1', UCP, {
      calls: [
        { requestId: 'r-1', status: 'connected', at: 1 },
        { requestId: 'ucp-call-2', status: 'dialing', at: 2 },
      ],
    })
    const { calls } = await page.ready
    expect(calls.map(({ requestId, status }) => [requestId, status])).toEqual([
      ['r-1', 'connected'],
      ['ucp-call-2', 'dialing'],
    ])
    second.callStatus('r-1', 'ended', ENDED)
    await expect(calls[0]!.ended).resolves.toEqual(ENDED)
    expect(await isSettled(calls[1]!.ended)).toBe(false)
    page.destroy()
  })

  it('are none from an older UCP, whose hello lists no calls', async () => {
    await expect(client.ready).resolves.toMatchObject({ calls: [] })
  })
})

describe('destroy', () => {
  it('leaves handles as they were: last status, ended pending, listeners no more called', async () => {
    const call = await placed()
    const listener = vi.fn()
    call.onStatus(listener)
    frame.callStatus(call.requestId, 'connected')
    client.destroy()
    frame.callStatus(call.requestId, 'ended', ENDED)
    expect(call.status).toBe('connected')
    expect(listener.mock.calls).toEqual([['connected']])
    expect(await isSettled(call.ended)).toBe(false)
  })
})
