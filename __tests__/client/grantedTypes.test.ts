// The hello's `types`: what UCP lets this page's origin send. The client refuses anything else at
// once, with no round trip; an older UCP lists nothing and lets the page try any type.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, framedPage, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient

beforeEach(() => {
  frame = framedPage()
  client = createCrmClient({ parentOrigin: UCP, window: frame.page })
})
afterEach(() => {
  client.destroy()
})

const greet = (types?: string[]) => frame.hello('tab-1', UCP, types && { types })

describe('a hello that lists the types the page may send', () => {
  it('is what ready resolves with', async () => {
    greet(['MAKE_CALL', 'OPEN_RECORD'])
    await expect(client.ready).resolves.toMatchObject({ types: ['MAKE_CALL', 'OPEN_RECORD'] })
  })

  it('refuses a request of another type at once with not-granted, posting nothing', async () => {
    greet(['MAKE_CALL'])
    await client.ready
    await expect(client.request('OPEN_RECORD', { id: 42 })).rejects.toMatchObject({
      name: 'CrmClientError',
      code: 'not-granted',
    })
    await expect(client.closeTab()).rejects.toMatchObject({ code: 'not-granted' })
    expect(frame.requests()).toEqual([])
  })

  it('refuses makeCall too when MAKE_CALL is not listed, and lets a listed type through', async () => {
    greet(['OPEN_RECORD'])
    await client.ready
    await expect(client.makeCall('+1 (555) 123-4567')).rejects.toMatchObject({
      code: 'not-granted',
    })
    void client.request('OPEN_RECORD', { id: 42 }).catch(() => {})
    await frame.requestsPosted()
    expect(frame.requests().map(({ message }) => message.type)).toEqual(['OPEN_RECORD'])
  })

  it('refuses what waited for it, when it comes, if its type is not listed', async () => {
    const open = client.request('OPEN_RECORD', { id: 42 })
    const call = client.makeCall('1')
    greet(['MAKE_CALL'])
    await expect(open).rejects.toMatchObject({ code: 'not-granted' })
    await frame.requestsPosted()
    expect(frame.requests().map(({ message }) => message.type)).toEqual(['MAKE_CALL'])
    frame.answer()
    await expect(call).resolves.toMatchObject({ status: 'placed' })
  })

  it('grants nothing when the list is empty', async () => {
    greet([])
    await expect(client.makeCall('1')).rejects.toMatchObject({ code: 'not-granted' })
  })
})

describe('a hello from an older UCP, with no types', () => {
  it('lets the page try any type', async () => {
    greet()
    const hello = await client.ready
    expect(hello.types).toBeUndefined()
    void client.request('OPEN_RECORD', { id: 42 }).catch(() => {})
    void client.makeCall('1').catch(() => {})
    await frame.requestsPosted(2)
    expect(frame.requests().map(({ message }) => message.type)).toEqual([
      'OPEN_RECORD',
      'MAKE_CALL',
    ])
  })
})
