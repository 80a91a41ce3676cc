import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, framedPage, isSettled, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient

beforeEach(() => {
  frame = framedPage()
})
afterEach(() => {
  client.destroy()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

async function greeted(tabId = 'tab-1') {
  client = createCrmClient({ parentOrigin: UCP, window: frame.page })
  frame.hello(tabId)
  await client.ready
}

const pageHide = () => frame.page.dispatchEvent(new PageTransitionEvent('pagehide'))

describe('closing the page’s own tab', () => {
  it('succeeds when the page is taken down while the close is pending: no answer can reach it', async () => {
    await greeted()
    const close = client.closeTab()
    await frame.requestsPosted()
    pageHide()
    await expect(close).resolves.toBeUndefined()
  })

  it('counts a close by the page’s own tab id as its own', async () => {
    await greeted('tab-1')
    const close = client.closeTab('tab-1')
    await frame.requestsPosted()
    pageHide()
    await expect(close).resolves.toBeUndefined()
  })

  it('is still refused with UCP’s answer when UCP keeps the tab', async () => {
    await greeted()
    const close = client.closeTab()
    await frame.requestsPosted()
    frame.answer('not-permitted')
    pageHide()
    await expect(close).rejects.toMatchObject({ code: 'not-permitted' })
  })

  it('does not take the page going away as the success of a call or of closing another tab', async () => {
    await greeted('tab-1')
    const call = client.makeCall('1')
    const other = client.closeTab('tab-2')
    await frame.requestsPosted(2)
    pageHide()
    expect(await isSettled(call)).toBe(false)
    expect(await isSettled(other)).toBe(false)
  })
})

describe('destroy', () => {
  it('rejects what is pending and every later call with destroyed, at once and without posting', async () => {
    await greeted()
    const call = client.makeCall('1')
    await frame.requestsPosted()
    const { requestId } = frame.lastRequest()
    const sent = frame.sent.length
    client.destroy()
    await expect(call).rejects.toMatchObject({ name: 'CrmClientError', code: 'destroyed' })
    const later = [client.makeCall('2'), client.closeTab()]
    for (const request of later) {
      expect(await isSettled(request)).toBe(true)
      await expect(request).rejects.toMatchObject({ code: 'destroyed' })
    }
    frame.fromUcp({ type: 'MAKE_CALL_RESULT', requestId, version: 1, ok: true })
    expect(frame.sent.length).toBe(sent)
  })

  it('stops listening and asking, and fails ready if no hello came', async () => {
    vi.useFakeTimers()
    client = createCrmClient({ parentOrigin: UCP, window: frame.page })
    const removeEventListener = vi.spyOn(frame.page, 'removeEventListener')
    client.destroy()
    await expect(client.ready).rejects.toMatchObject({ code: 'destroyed' })
    expect(removeEventListener.mock.calls.map(([type]) => type).sort()).toEqual([
      'message',
      'pagehide',
      'visibilitychange',
    ])
    frame.hello('late')
    expect(client.tabId).toBeUndefined()
    frame.setHidden(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(frame.asks()).toHaveLength(1)
  })
})

describe('a page that is not in a frame', () => {
  it('says no-parent to ready and to every call, and posts nothing', async () => {
    vi.useFakeTimers()
    client = createCrmClient({ parentOrigin: UCP, window: frame.ucp })
    await expect(client.makeCall('1')).rejects.toMatchObject({ code: 'no-parent' })
    await expect(client.closeTab()).rejects.toMatchObject({ code: 'no-parent' })
    await expect(client.ready).rejects.toMatchObject({ code: 'no-parent' })
    expect(frame.sent).toEqual([])
    // Nothing is left running that would keep a server's process alive.
    expect(vi.getTimerCount()).toBe(0)
  })
})
