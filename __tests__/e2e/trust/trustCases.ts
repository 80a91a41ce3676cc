// Issue 10's host-side items, each as a UCP page wired the way the issue saw it break, with real
// cross-origin CRM frames. Every case fails on the package before the fix and passes after.
import { expect } from 'vitest'
import type { EngineDriver } from '../drivers/types'
import { tabUrlAttempts } from './tabUrlAttempts'
import type { TrustOrigins } from './trustServer.mjs'

type Snapshot = ReturnType<Window['__trust']['snapshot']>

/** One host page in one engine, as a case drives it. */
export interface TrustPage {
  driver: EngineDriver
  origins: TrustOrigins
  /** Loads the host page set up for the case `name`, with React 19 or 18, and waits until it is ready. */
  open(name: string, react?: 18 | 19): Promise<void>
  snapshot(): Promise<Snapshot>
  run<A, R>(fn: (arg: A) => R, arg: A): Promise<R>
}

export interface TrustCase {
  name: string
  /** The console warnings the case expects (it counts them itself); any other fails it. */
  warns?: RegExp
  run(page: TrustPage): Promise<void>
}

const poll = { timeout: 10_000, interval: 50 }
const call = (destination: string, requestId?: string) => ({
  type: 'MAKE_CALL',
  payload: { destination },
  ...(requestId === undefined ? {} : { requestId }),
})

/** What a frame's page is told to post, then a marker: once the marker is seen, UCP handled it. */
async function sendAndSettle(page: TrustPage, frame: string, message: unknown): Promise<Snapshot> {
  const marker = `${frame}-${Math.random()}`
  await page.run(
    ([key, data, tag]) => window.__trust.send(key as string, data, tag),
    [frame, message, marker],
  )
  await expect.poll(async () => (await page.snapshot()).markers, poll).toContain(marker)
  return page.snapshot()
}

const whenReady = (page: TrustPage, frames: Record<string, number>) =>
  expect
    .poll(async () => {
      const { ready } = await page.snapshot()
      return Object.keys(frames).every((key) => (ready[key] ?? 0) >= frames[key]!)
    }, poll)
    .toBe(true)

const crmPage = (page: TrustPage, name: string) => `${page.origins.crm}/crm.html?name=${name}`

function tabUrlsCase(react: 18 | 19): TrustCase {
  return {
    name: `a tab URL that would run script (javascript:, data:, blob:, relative) never reaches a frame, under React ${react}`,
    async run(page) {
      await page.open('urls', react)
      expect(await page.run(() => window.__trust.react.split('.')[0], null)).toBe(String(react))
      await page.run(() => window.__trust.step('open'), null)
      const ids = tabUrlAttempts().map((attempt) => attempt.id)
      const controls = (round: string) => ids.map((id) => `control-${round}-${id}`).sort()
      const ranIn = async (round: string) =>
        (await page.snapshot()).ran.filter((tag) => tag.startsWith(`control-${round}`)).sort()
      // The controls, set on frames without the package, prove each URL runs in this engine.
      await expect.poll(() => ranIn('first'), poll).toEqual(controls('first'))
      await page.run(() => window.__trust.step('lateControls'), null)
      await expect.poll(() => ranIn('late'), poll).toEqual(controls('late'))

      const after = await page.snapshot()
      expect(after.ran.filter((tag) => !tag.startsWith('control-'))).toEqual([])
      expect(after.thrown).toEqual(ids.map(() => 'invalid-tab-url'))
      expect(after.openTabs).toBe(0)
      // The restored tabs' frames are rendered, registered, and blank.
      expect(after.srcs).toEqual(ids.map(() => null))
    },
  }
}

export const trustCases: TrustCase[] = [
  tabUrlsCase(19),
  tabUrlsCase(18),
  {
    name: 'one MAKE_CALL dials once and is answered once with two bridges in one store; a second bridge cannot start on the window',
    async run(page) {
      await page.open('twoBridges')
      await whenReady(page, { contact: 1 })
      expect((await page.snapshot()).thrown).toEqual(['window-in-use'])
      await page.run(() => {
        window.__trust.send('contact', {
          type: 'MAKE_CALL',
          payload: { destination: '+1 (555) 123-4567' },
          requestId: 'r-1',
        })
        window.__trust.send('contact', {
          type: 'MAKE_CALL',
          payload: { destination: '555 0100' },
          requestId: 'r-2',
        })
      }, null)
      // Answers from one window arrive in order: a second answer to r-1 would come before r-2's.
      await expect
        .poll(async () => (await page.snapshot()).received, poll)
        .toContain('contact: MAKE_CALL_RESULT r-2 ok')
      const after = await page.snapshot()
      expect(after.received).toEqual([
        'contact: MAKE_CALL_RESULT r-1 ok',
        'contact: MAKE_CALL_RESULT r-2 ok',
      ])
      expect(after.dials).toEqual(['15551234567', '5550100'])
    },
  },
  {
    name: "a page allowed to speak for a tab closes that tab, not another tab of the tab's origin",
    async run(page) {
      await page.open('closeRule')
      await whenReady(page, { a: 1, b: 1 })
      const b = await page.run(() => window.__trust.tabId('b'), null)
      const elsewhere = `${page.origins.elsewhere}/crm.html?name=a`
      await page.run((url) => window.__trust.navigate('a', url), elsewhere)
      await whenReady(page, { a: 2 })

      const close = { type: 'CLOSE_CRM_TAB', payload: { id: b }, requestId: 'c-1' }
      await page.run((data) => window.__trust.send('a', data), close)
      await expect
        .poll(async () => (await page.snapshot()).received, poll)
        .toEqual(['a: CLOSE_CRM_TAB_RESULT c-1 not-permitted'])
      const origin = page.origins.elsewhere
      expect((await page.snapshot()).closeChecks).toEqual([
        { origin, explicit: true, allowedByDefault: false },
      ])
      // Its own tab it may close.
      await page.run(() => window.__trust.send('a', { type: 'CLOSE_CRM_TAB' }), null)
      await expect.poll(async () => Object.keys((await page.snapshot()).tabs), poll).toEqual(['b'])
      expect((await page.snapshot()).closeChecks.at(-1)).toEqual({
        origin,
        explicit: false,
        allowedByDefault: true,
      })
    },
  },
  {
    name: 'a destroyed bridge refuses to start again, and no message is then accepted',
    async run(page) {
      await page.open('destroyed')
      await whenReady(page, { contact: 1 })
      await page.run(() => window.__trust.step('destroyAndStart'), null)
      const before = await page.snapshot()
      expect(before.thrown).toEqual(['destroyed'])
      const after = await sendAndSettle(page, 'contact', call('+1 (555) 123-4567', 'r-1'))
      expect(after.stats).toEqual(before.stats)
      expect(after.dials).toEqual([])
    },
  },
  {
    name: 'a sandboxed frame let in by a predicate is refused when it asks for an answer UCP cannot give',
    async run(page) {
      await page.open('sandboxed')
      await whenReady(page, { sandboxed: 1 })
      const tabId = await page.run(() => window.__trust.tabId('sandboxed'), null)
      const refused = await sendAndSettle(page, 'sandboxed', call('+1 (555) 123-4567', 'r-1'))
      expect(refused.rejections).toEqual([
        { reason: 'opaque-origin', type: 'MAKE_CALL', origin: 'null', tabId },
      ])
      expect(refused.dials).toEqual([])
      // The spec's raw message asks for no answer: it is acted on.
      await sendAndSettle(page, 'sandboxed', call('+1 (555) 123-4567'))
      await expect.poll(async () => (await page.snapshot()).dials, poll).toEqual(['15551234567'])
      expect((await page.snapshot()).received).toEqual([])
    },
  },
  {
    name: "a fallback frame re-pointed to another tab's URL speaks for no tab",
    async run(page) {
      await page.open('fallback')
      await whenReady(page, { a: 1, b: 1, c: 1, d: 1 })
      const { crm } = page.origins
      // Two frames now show b's URL: which one is b's would be a guess.
      await page.run((url) => window.__trust.repoint('a', url), crmPage(page, 'b'))
      await whenReady(page, { a: 2 })
      const ambiguous = await sendAndSettle(page, 'a', { type: 'CLOSE_CRM_TAB' })
      expect(ambiguous.rejections).toEqual([
        { reason: 'ambiguous-source', type: 'CLOSE_CRM_TAB', origin: crm },
      ])
      // A frame named for c that now shows d's URL is no one's, though no other frame shows it.
      await page.run(() => window.__trust.remove('d'), null)
      await page.run((url) => window.__trust.repoint('c', url), crmPage(page, 'd'))
      await whenReady(page, { c: 2 })
      const unknown = await sendAndSettle(page, 'c', { type: 'CLOSE_CRM_TAB' })
      expect(unknown.rejections.at(-1)).toEqual({
        reason: 'unknown-source',
        type: 'CLOSE_CRM_TAB',
        origin: crm,
      })
      expect(Object.keys(unknown.tabs).sort()).toEqual(['a', 'b', 'c', 'd'])
    },
  },
]
