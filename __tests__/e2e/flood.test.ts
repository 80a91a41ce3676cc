// A flood from a real cross-origin CRM frame in Chromium: the frame (http://localhost) posts 10,000
// MAKE_CALL messages to the host page (http://127.0.0.1) as fast as a script can. How long that
// takes is measured by `npm run bench:flood`, not asserted here.
import { describe, expect, it } from 'vitest'
import { openFloodPage } from './hardening/floodPage.mjs'
import { useFloodBrowser } from './hardening/useFloodBrowser'

const FLOOD = 10_000

describe('a flood of MAKE_CALL from one cross-origin CRM frame, in Chromium', () => {
  const env = useFloodBrowser()

  it(`dials exactly once for ${FLOOD.toLocaleString('en')} messages, each of them handled`, async () => {
    const host = await openFloodPage(env.browser, env.server, 'bridge')
    const call = { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }
    expect(await host.flood(FLOOD, call)).toBe(FLOOD)
    const after = await host.afterHandled(FLOOD)

    expect(after.dials).toEqual(['15551234567'])
    expect(after.calls).toEqual([{ destination: '15551234567', status: 'placed' }])
    expect(after.stats).toEqual({ accepted: 1, rejected: { duplicate: FLOOD - 1 }, ignored: 0 })
    expect(after.timing.messages).toBe(FLOOD)
    expect(after.tabIds).toHaveLength(1)
    expect(host.errors).toEqual([])
    await host.close()
  })
})
