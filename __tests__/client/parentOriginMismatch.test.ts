// A page told the wrong parentOrigin (the shell at localhost, the page told 127.0.0.1) hears UCP's
// hellos and must drop them: in development builds it says why, once, and `ready` says so.
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { UCP, UCP_STAGING, framedPage, type FramedPage } from './support'

const SHELL = 'http://localhost:5173'
const TOLD = 'http://127.0.0.1:5173'

let frame: FramedPage
let client: CrmClient
let warn: MockInstance<typeof console.warn>

beforeEach(() => {
  vi.useFakeTimers()
  frame = framedPage()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  client.destroy()
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  vi.useRealTimers()
})

const create = (parentOrigin: string | string[] = TOLD) =>
  (client = createCrmClient({ parentOrigin, window: frame.page, readyTimeout: 10_000 }))

describe('hellos from the parent at an origin not in parentOrigin', () => {
  it('are dropped with one warning naming both origins, and ready rejects parent-origin-mismatch', async () => {
    create()
    for (let ask = 0; ask < 6; ask++) frame.hello('tab-1', SHELL)
    expect(client.tabId).toBeUndefined()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain(SHELL)
    expect(String(warn.mock.calls[0]![0])).toContain(TOLD)
    const fails = expect(client.ready).rejects.toMatchObject({
      name: 'CrmClientError',
      code: 'parent-origin-mismatch',
    })
    await vi.advanceTimersByTimeAsync(10_000)
    await fails
    // The client keeps asking; UCP keeps answering from there; still one warning.
    await vi.advanceTimersByTimeAsync(60_000)
    frame.hello('tab-1', SHELL)
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it('name every origin of a parentOrigin list', () => {
    create([UCP, UCP_STAGING])
    frame.hello('tab-1', SHELL)
    expect(String(warn.mock.calls[0]![0])).toContain(`${UCP}, ${UCP_STAGING}`)
  })

  it('are not told apart in a production build, which keeps its size: no warning, ready says timeout', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    create()
    frame.hello('tab-1', SHELL)
    const fails = expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(10_000)
    await fails
    expect(warn).not.toHaveBeenCalled()
  })

  it('that come after ready timed out warn, and leave ready’s timeout as it was', async () => {
    create()
    await vi.advanceTimersByTimeAsync(10_000)
    await expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
    frame.hello('tab-1', SHELL)
    expect(warn).toHaveBeenCalledTimes(1)
  })
})

describe('what is not a parent-origin mismatch', () => {
  it('a hello from another window, or another message from the parent, at another origin', async () => {
    create()
    frame.fromUcp({ type: 'UCP_HELLO', version: 1, tabId: 't' }, { origin: SHELL, source: null })
    frame.fromUcp(
      { type: 'UCP_HELLO', version: 1, tabId: 't' },
      { origin: SHELL, source: frame.page },
    )
    frame.fromUcp({ type: 'SOMETHING_ELSE', version: 1 }, { origin: SHELL })
    frame.fromUcp('UCP_HELLO', { origin: SHELL })
    frame.fromUcp(null, { origin: SHELL })
    const fails = expect(client.ready).rejects.toMatchObject({ code: 'timeout' })
    await vi.advanceTimersByTimeAsync(10_000)
    await fails
    expect(warn).not.toHaveBeenCalled()
  })
})
