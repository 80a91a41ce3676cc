// A UCP that starts late (after the agent's login) or again (after a re-login) while the CRM page
// stays: the client keeps asking for its hello, and a hello that comes late still makes it work.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, framedPage, isSettled, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient

beforeEach(() => {
  vi.useFakeTimers()
  frame = framedPage()
})
afterEach(() => {
  client.destroy()
  vi.useRealTimers()
})

const create = (options: { timeout?: number; readyTimeout?: number } = {}) =>
  (client = createCrmClient({ parentOrigin: UCP, window: frame.page, ...options }))

/** When the client asked for its hello, in ms from its creation, up to `until`. */
async function askTimes(until: number, answerAt?: number) {
  const times: number[] = []
  for (let now = 0; now <= until; now += 50) {
    if (now === answerAt) frame.hello()
    while (times.length < frame.asks().length) times.push(now)
    await vi.advanceTimersByTimeAsync(50)
  }
  return times
}

describe('asking for the hello', () => {
  it('asks at once, then twice as late each time up to every 15 s, and goes on after ready timed out', async () => {
    create({ readyTimeout: 10_000 })
    const times = await askTimes(120_000)
    expect(times).toEqual(
      [
        0, 250, 750, 1750, 3750, 7750, 15750, 30750, 45750, 60750, 75750, 90750, 105750, 120750,
      ].filter((time) => time <= 120_000),
    )
    await expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
  })

  it('stops asking once greeted', async () => {
    create()
    expect(await askTimes(60_000, 2000)).toEqual([0, 250, 750, 1750])
    await expect(client.ready).resolves.toMatchObject({ tabId: 'tab-1' })
  })

  it('asks at once when the page is shown again, and not when it is hidden', async () => {
    create({ readyTimeout: 1000 })
    await vi.advanceTimersByTimeAsync(20_000)
    const asked = frame.asks().length
    frame.setHidden(true)
    expect(frame.asks()).toHaveLength(asked)
    frame.setHidden(false)
    expect(frame.asks()).toHaveLength(asked + 1)
    // The schedule goes on from there, not on top of it: the next ask is 15 s later.
    await vi.advanceTimersByTimeAsync(14_999)
    expect(frame.asks()).toHaveLength(asked + 1)
    await vi.advanceTimersByTimeAsync(1)
    expect(frame.asks()).toHaveLength(asked + 2)
  })

  it('does not ask when shown once greeted', async () => {
    create()
    frame.hello()
    await client.ready
    const asked = frame.asks().length
    frame.setHidden(true)
    frame.setHidden(false)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(frame.asks()).toHaveLength(asked)
  })
})

describe('hellos', () => {
  it('are taken once: a second, answering an ask still under way, sends nothing again', async () => {
    create()
    frame.hello('tab-1')
    void client.makeCall('1').catch(() => {})
    await frame.requestsPosted()
    frame.hello('tab-2')
    await vi.advanceTimersByTimeAsync(0)
    expect(frame.requests()).toHaveLength(1)
    expect(client.tabId).toBe('tab-1')
  })
})

describe('a hello that comes after ready timed out', () => {
  it('makes requests work: they go to its origin, and the tab id is known', async () => {
    create({ readyTimeout: 1000 })
    await vi.advanceTimersByTimeAsync(1000)
    await expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
    expect(client.tabId).toBeUndefined()
    await vi.advanceTimersByTimeAsync(30_000)
    frame.hello('tab-9')
    expect(client.tabId).toBe('tab-9')
    const call = client.makeCall('+1 (555) 123-4567')
    await frame.requestsPosted()
    expect(frame.requests()[0]).toMatchObject({ message: { type: 'MAKE_CALL' }, targetOrigin: UCP })
    frame.answer()
    await expect(call).resolves.toMatchObject({ status: 'placed' })
  })
})

describe('a request made before any hello', () => {
  it('waits for the hello until its own timeout, not ready’s, and is sent when it comes', async () => {
    create({ readyTimeout: 1000 })
    const call = client.makeCall('1', { timeout: 30_000 })
    await vi.advanceTimersByTimeAsync(20_000)
    await expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
    expect(await isSettled(call)).toBe(false)
    expect(frame.requests()).toEqual([])
    frame.hello()
    await frame.requestsPosted()
    frame.answer()
    await expect(call).resolves.toMatchObject({ status: 'placed' })
  })

  it('fails with timeout at its own timeout if no hello came, having posted nothing', async () => {
    create({ readyTimeout: 1000, timeout: 5000 })
    const call = client.makeCall('1')
    await vi.advanceTimersByTimeAsync(4999)
    expect(await isSettled(call)).toBe(false)
    const fails = expect(call).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(1)
    await fails
    frame.hello()
    await vi.advanceTimersByTimeAsync(0)
    expect(frame.requests()).toEqual([])
  })
})
