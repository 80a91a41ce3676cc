// Option typos are accepted at run time, where only TypeScript users would be told: the client
// names the unknown key and the option it most likely meant, in development builds.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { nearest } from '../../src/protocol/nearest'
import { UCP, framedPage, type FramedPage } from './support'

let frame: FramedPage
let client: CrmClient | undefined
let warn: MockInstance<typeof console.warn>

beforeEach(() => {
  frame = framedPage()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  client?.destroy()
  client = undefined
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

const create = (options: object) =>
  (client = createCrmClient({ window: frame.page, ...options } as never))

describe('an unknown option key', () => {
  it('is named with the nearest known one, once, before a missing parentOrigin is refused', () => {
    expect(() => create({ parentOrign: UCP })).toThrow(
      expect.objectContaining({ code: 'invalid-option' }),
    )
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toMatch(/'parentOrign' is ignored; did you mean 'parentOrigin'/)
  })

  it('is warned of beside options that work, one warning per unknown key', () => {
    create({ parentOrigin: UCP, readyTimout: 1000, Timeout: 5 })
    expect(warn.mock.calls.map(([text]) => String(text).match(/'\w+'/g))).toEqual([
      ["'readyTimout'", "'readyTimeout'"],
      ["'Timeout'", "'timeout'"],
    ])
  })

  it('says nothing when every key is known', () => {
    create({ parentOrigin: UCP, timeout: 1000, readyTimeout: 1000 })
    expect(warn).not.toHaveBeenCalled()
  })

  it('says nothing in a production build', () => {
    vi.stubEnv('NODE_ENV', 'production')
    create({ parentOrigin: UCP, parentOrign: UCP })
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('nearest', () => {
  it('takes the fewest edits, and the first on a tie', () => {
    const known = ['parentOrigin', 'timeout', 'readyTimeout', 'window']
    expect(nearest('parentorigin', known)).toBe('parentOrigin')
    expect(nearest('readyTimeOut', known)).toBe('readyTimeout')
    expect(nearest('windows', known)).toBe('window')
    expect(nearest('onReject', ['onRejected', 'onOutcome', 'onError'])).toBe('onRejected')
    expect(nearest('ab', ['ax', 'xb'])).toBe('ax')
  })
})
