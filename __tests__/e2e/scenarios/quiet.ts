import { expect } from 'vitest'
import type { DemoServer } from '../../../docs/demo/server.mjs'
import { poll, type Scenario } from './types'

// UCP speaks only when spoken to: in each of these flows it used to post a hello to a frame that
// was elsewhere, which the browser dropped with an error (Firefox, WebKit) or a warning (Chromium,
// sandboxed frames). describeEngine checks after each that the console holds no error and no
// warning, the browser's own lines included.

const callPoll = { ...poll, timeout: 15_000 }

/** A client page's URL on the Acme origin; its tab is titled with the URL's host. */
function clientPage(server: DemoServer, search: Record<string, string>, path = '/crm-client.html') {
  const url = new URL(path, server.crmOrigin)
  url.search = new URLSearchParams({ crm: 'Acme', ...search }).toString()
  return { url: url.href, title: url.host }
}

export const quietScenarios: Scenario[] = [
  {
    name: 'a tab that opens through an SSO redirect is greeted once back on its CRM, and nothing reaches the console',
    async run({ ui, server }) {
      const page = clientPage(server, { record: 'Signed in' })
      const sso = new URL('/sso', server.crmOrigin)
      sso.search = new URLSearchParams({
        next: new URL(page.url).pathname + new URL(page.url).search,
      }).toString()
      await ui.openUrl(sso.href)
      const id = await ui.tabId(new URL(sso).host)
      await expect.poll(() => ui.readInTab(page.title, '#hello'), callPoll).toBe(id)
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: 'a frame that goes to a foreign origin and back, or reloads, is greeted only when its page asks',
    async run({ ui }) {
      const id = await ui.tabId('Contact 42')
      await expect.poll(() => ui.readInTab('Contact 42', '#hello-tab'), poll).toBe(id)
      await ui.clickInTab('Contact 42', 'navigate')
      await expect.poll(() => ui.readInTab('Contact 42', '#name'), poll).toBe('Identity provider')
      // Messages from one window arrive in order: whatever UCP posted the page arrived before the marker.
      await ui.mark('Contact 42')
      expect(await ui.readInTab('Contact 42', '#hello-tab')).toBe('none yet')

      await ui.clickInTab('Contact 42', 'navigate')
      await expect.poll(() => ui.readInTab('Contact 42', '#name'), poll).toBe('Acme')
      await expect.poll(() => ui.readInTab('Contact 42', '#hello-tab'), poll).toBe(id)

      const second = await ui.tabId('Contact 42 (2)')
      await ui.reloadFrame('Contact 42 (2)')
      await expect.poll(() => ui.readInTab('Contact 42 (2)', '#hello-tab'), poll).toBe(second)
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: 'a sandboxed frame, whose opaque origin UCP does not answer, is posted nothing and nothing is logged',
    async run({ ui }) {
      // Its first page loaded first: a navigation still under way would win over the sandboxed one.
      expect(await ui.readInTab('Ticket 7', '#origin')).not.toBe('null')
      await ui.sandboxFrame('Ticket 7', 'allow-scripts')
      // Its page asked for a hello on load, from the origin 'null': ignored, without a word.
      await expect.poll(() => ui.readInTab('Ticket 7', '#origin'), poll).toBe('null')
      await ui.mark('Ticket 7')
      expect(await ui.readInTab('Ticket 7', '#hello-tab')).toBe('none yet')
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: "closing tabs leaves nothing on the console: UCP's close button, the spec's bare close, and the client's",
    async run({ ui }) {
      await ui.openSample('client')
      await expect.poll(async () => ui.readInTab('Client page', '#hello'), poll).not.toBe('waiting')
      await ui.closeWithButton('Contact 42 (2)')
      await ui.clickInTab('Contact 42', 'close')
      await ui.clickInTab('Client page', 'client-close')
      await expect.poll(ui.titles, poll).toEqual(['Ticket 7'])
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: "the client's close of its own tab succeeds as its page goes, and never times out",
    async run({ ui, driver }) {
      await ui.openSample('client')
      await ui.openSample('client')
      for (const title of ['Client page', 'Client page (2)']) {
        const id = await ui.tabId(title)
        await expect.poll(() => ui.readInTab(title, '#hello'), poll).toBe(id)
      }
      await ui.clickInTab('Client page (2)', 'client-close')
      await expect.poll(ui.titles, poll).not.toContain('Client page (2)')
      const peers = () => ui.readInTab('Client page', '#peers')
      await expect.poll(peers, poll).toContain('pagehide')
      // The client settles the close as success in its pagehide listener. Chromium then runs the
      // page's promise callbacks; Firefox and WebKit run none in a frame being removed, so there
      // the page's own code hears nothing more after pagehide: never a timeout either.
      expect(await peers()).toBe(driver.engine === 'chromium' ? 'closeTab: okpagehide' : 'pagehide')
    },
  },
  {
    name: 'a client given a list of origins finds which one is its parent and is answered there',
    async run({ ui, server }) {
      const page = clientPage(server, {
        record: 'Staging or production',
        parent: `http://ucp-staging.invalid,${server.shellOrigin}`,
      })
      await ui.openUrl(page.url)
      const id = await ui.tabId(page.title)
      await expect.poll(() => ui.readInTab(page.title, '#hello'), poll).toBe(id)
      await ui.clickInTab(page.title, 'client-call')
      await expect.poll(() => ui.readInTab(page.title, '#results'), callPoll).toBe('makeCall: ok')
    },
  },
  {
    name: 'a plain HTML page on the script-tag client gets its hello and has its call answered',
    async run({ ui, server }) {
      const page = clientPage(server, {}, '/crm-script-tag.html')
      await ui.openUrl(page.url)
      const id = await ui.tabId(page.title)
      await expect.poll(() => ui.readInTab(page.title, '#hello'), poll).toBe(id)
      await ui.clickInTab(page.title, 'client-call')
      await expect.poll(() => ui.readInTab(page.title, '#results'), callPoll).toBe('makeCall: ok')
      await expect
        .poll(async () => (await ui.calls()).map((call) => call.status), callPoll)
        .toEqual(['connected'])
    },
  },
]
