// The client in real engines, with real cross-origin frames (host worlds: clientWorlds.ts):
// issue 17 item 7 (a UCP that starts late, or again, does not strand the page) and issue 21
// item 1 (a page told the wrong parentOrigin says so). The restarted-bridge case relies on the
// host's destroy() answering what it owes with `unavailable` (issue 17 item 4).
import { expect } from 'vitest'
import { HUNG_DIAL, LATE_START_MS } from './clientWorlds'
import type { TrustCase, TrustPage } from './trustCases'

const poll = { timeout: 10_000, interval: 50 }

/** What the client page told the host so far. */
const told = async (page: TrustPage) => (await page.snapshot()).client

/** Has the client page make a call; resolves once it told how the call went. */
async function makeCall(page: TrustPage, id: string, call: string, timeout?: number) {
  await page.run((order) => window.__trust.send('client', order), { id, call, timeout })
}
const outcomeOf = async (page: TrustPage, id: string, wait = poll) => {
  await expect
    .poll(
      async () => (await told(page)).some((line) => line.startsWith(`client: call ${id}:`)),
      wait,
    )
    .toBe(true)
  return (await told(page)).find((line) => line.startsWith(`client: call ${id}:`))
}

export const clientCases: TrustCase[] = [
  {
    name: 'a bridge started 20 s after the page loaded greets it: the call it made before is dialled and answered, and so is its next',
    async run(page) {
      await page.open('clientLateBridge')
      await expect.poll(() => told(page), poll).toContain('client: loaded')
      // Made before any UCP listens, with a timeout that outlasts the wait: it waits for the hello.
      await makeCall(page, 'early', '+1 (555) 123-4567', 45_000)
      await expect.poll(() => told(page), poll).toContain('client: ready: timeout')
      const tabId = await page.run(() => window.__trust.tabId('client'), null)
      const late = { timeout: LATE_START_MS + 25_000, interval: 200 }
      expect(await outcomeOf(page, 'early', late)).toBe(
        `client: call early: placed in tab ${tabId}`,
      )
      const [started] = (await page.snapshot()).markers as { bridgeStartedAfterLoadMs: number }[]
      expect(started!.bridgeStartedAfterLoadMs).toBeGreaterThanOrEqual(LATE_START_MS)
      await makeCall(page, 'next', '555 0100')
      expect(await outcomeOf(page, 'next')).toBe(`client: call next: placed in tab ${tabId}`)
      expect((await page.snapshot()).dials).toEqual(['15551234567', '5550100'])
    },
  },
  {
    name: "a bridge destroyed and made again on the same store and frames: the page's pending call is answered unavailable, and its next is dialled and answered",
    async run(page) {
      await page.open('clientRestartedBridge')
      const tabId = await page.run(() => window.__trust.tabId('client'), null)
      await expect.poll(() => told(page), poll).toContain(`client: ready: tab ${tabId}`)
      await makeCall(page, 'hung', '+1 (555) 010-9999', 8_000)
      await expect.poll(async () => (await page.snapshot()).dials, poll).toEqual([HUNG_DIAL])
      await page.run(() => window.__trust.step('restart'), null)
      expect(await outcomeOf(page, 'hung')).toBe('client: call hung: unavailable')
      await makeCall(page, 'next', '555 0100')
      expect(await outcomeOf(page, 'next')).toBe(`client: call next: placed in tab ${tabId}`)
      expect((await page.snapshot()).dials).toEqual([HUNG_DIAL, '5550100'])
    },
  },
  {
    name: 'a page told the wrong parentOrigin (UCP at 127.0.0.1, the page told localhost) hears the hellos and says so: ready rejects parent-origin-mismatch, with one warning naming both origins',
    warns: /parentOrigin/,
    async run(page) {
      await page.open('clientWrongParent')
      await expect.poll(() => told(page), poll).toContain('client: ready: parent-origin-mismatch')
      const { host, crm } = page.origins
      const warning = expect.stringMatching(
        new RegExp(`hello came from ${host}, which is not in parentOrigin \\(${crm}\\)`),
      )
      // What the page's console was given, in every engine; and, where the driver reads frames'
      // consoles (WebKit's does not: clientEdges.webkit.test.ts reads MiniBrowser's), the console.
      const pageConsole = (await told(page)).filter((line) => line.includes(': console.'))
      expect(pageConsole).toEqual([expect.stringMatching(/^client: console\.warn /)])
      expect(pageConsole).toEqual([warning])
      if (page.driver.engine !== 'webkit') {
        expect((await page.driver.console()).warnings).toEqual([warning])
      }
    },
  },
]
