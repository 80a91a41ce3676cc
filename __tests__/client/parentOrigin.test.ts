import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCrmClient, UNSAFE_ANY_PARENT_ORIGIN, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, UCP_STAGING, flush, framedPage, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient | undefined

beforeEach(() => {
  frame = framedPage()
})
afterEach(() => {
  client?.destroy()
  client = undefined
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('the client and its parent’s origin', () => {
  it('asks for the hello with a message that carries nothing but its type and version', () => {
    client = createCrmClient({ parentOrigin: UCP, window: frame.page })
    expect(frame.sent).toEqual([{ message: { type: 'CRM_HELLO', version: 1 }, targetOrigin: '*' }])
  })

  it('posts nothing else before the hello said where its parent is', async () => {
    client = createCrmClient({ parentOrigin: UCP, window: frame.page })
    void client.makeCall('+1 (555) 123-4567').catch(() => {})
    void client.closeTab().catch(() => {})
    await flush()
    expect(frame.requests()).toEqual([])
  })

  it('sends what waited to the origin the hello came from, and never to another', async () => {
    client = createCrmClient({ parentOrigin: [UCP_STAGING, UCP], window: frame.page })
    const call = client.makeCall('+1 (555) 123-4567')
    frame.hello('tab-1', UCP)
    await frame.requestsPosted()
    expect(frame.requests()).toEqual([
      {
        message: expect.objectContaining({
          type: 'MAKE_CALL',
          payload: { destination: '+1 (555) 123-4567' },
        }),
        targetOrigin: UCP,
      },
    ])
    frame.answer()
    await expect(call).resolves.toMatchObject({ status: 'placed' })
    void client.closeTab('other-tab').catch(() => {})
    await frame.requestsPosted(2)
    expect(frame.requests().map(({ targetOrigin }) => targetOrigin)).toEqual([UCP, UCP])
  })

  it('is ready on a hello from its parent at any origin of the list', async () => {
    client = createCrmClient({ parentOrigin: [UCP, UCP_STAGING], window: frame.page })
    frame.hello('tab-7', UCP_STAGING)
    await expect(client.ready).resolves.toEqual({ tabId: 'tab-7', version: 1, calls: [] })
    expect(client.tabId).toBe('tab-7')
  })

  it('hears no hello from another origin, another window, or with a version that is not UCP’s', async () => {
    vi.useFakeTimers()
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    client = createCrmClient({ parentOrigin: UCP, window: frame.page, readyTimeout: 1000 })
    const hello = { type: 'UCP_HELLO', version: 1, tabId: 'evil' }
    frame.fromUcp(hello, { origin: 'https://evil.example', source: null })
    frame.fromUcp(hello, { origin: `${UCP}:8443`, source: frame.page })
    frame.fromUcp(hello, { source: frame.page })
    frame.fromUcp(hello, { source: null })
    for (const version of [1.5, 0, -1, '1', undefined, Number.MAX_VALUE]) {
      frame.fromUcp({ ...hello, version })
    }
    frame.fromUcp({ type: 'UCP_HELLO', version: 1 })
    frame.fromUcp({ type: 'UCP_HELLO', version: 1, tabId: 42 })
    frame.fromUcp(null)
    frame.fromUcp('UCP_HELLO')
    vi.advanceTimersByTime(1000)
    await expect(client.ready).rejects.toMatchObject({ name: 'CrmClientError', code: 'timeout' })
    expect(client.tabId).toBeUndefined()
  })

  it('takes a hello from a newer UCP: newer versions only add fields', async () => {
    client = createCrmClient({ parentOrigin: UCP, window: frame.page })
    frame.fromUcp({ type: 'UCP_HELLO', version: 2, tabId: 'tab-1', more: true })
    await expect(client.ready).resolves.toEqual({ tabId: 'tab-1', version: 2, calls: [] })
  })

  it('refuses "*" and anything that is not an exact origin, with invalid-option', () => {
    for (const parentOrigin of [
      '*',
      undefined,
      '',
      'null',
      'ucp.example.com',
      `${UCP}/`,
      `${UCP}/app`,
      'HTTPS://UCP.EXAMPLE.COM',
      'https://ucp.example.com:443',
      [],
      [UCP, '*'],
      [UCP, 42],
      new String(UCP),
    ]) {
      expect(
        () => createCrmClient({ parentOrigin, window: frame.page } as never),
        String(parentOrigin),
      ).toThrow(expect.objectContaining({ name: 'CrmClientError', code: 'invalid-option' }))
    }
    expect(() => createCrmClient(undefined as never)).toThrow(
      expect.objectContaining({ code: 'invalid-option' }),
    )
    expect(frame.sent).toEqual([])
  })

  it('refuses a timeout or readyTimeout that is not a delay setTimeout keeps', () => {
    for (const ms of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '100', null]) {
      for (const option of ['timeout', 'readyTimeout']) {
        expect(
          () =>
            createCrmClient({
              parentOrigin: UCP,
              window: frame.page,
              timeout: 1000,
              readyTimeout: 1000,
              [option]: ms,
            }),
          `${option}: ${String(ms)}`,
        ).toThrow(expect.objectContaining({ code: 'invalid-option' }))
      }
    }
    expect(frame.sent).toEqual([])
  })

  it('trusts any parent only when asked by name: then it posts to "*" and hears any origin', async () => {
    client = createCrmClient({ parentOrigin: UNSAFE_ANY_PARENT_ORIGIN, window: frame.page })
    frame.hello('tab-1', 'https://anyone.example')
    await expect(client.ready).resolves.toMatchObject({ tabId: 'tab-1' })
    const call = client.makeCall('1')
    await frame.requestsPosted()
    expect(frame.requests()[0]?.targetOrigin).toBe('*')
    frame.answer(undefined, { origin: 'https://someone-else.example' })
    await expect(call).resolves.toMatchObject({ status: 'placed' })
  })
})
