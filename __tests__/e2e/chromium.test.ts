// The bridge in a real engine: the example host page (docs/example) in headless Chromium, with CRM
// pages in cross-origin iframes whose buttons send the spec's messages. jsdom cannot prove this:
// there, a posted message has no `source` and no `origin`.
import type { Browser } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startExampleServer, type ExampleServer } from '../../docs/example/server.mjs'
import { launchChromium } from './support/chromium'
import { openHostPage, type HostPage } from './support/hostPage'

const poll = { timeout: 5_000, interval: 25 }
const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('ucp-crm-bridge in Chromium, with cross-origin CRM frames', () => {
  let server: ExampleServer | undefined
  let browser: Browser | undefined
  let host: HostPage

  beforeAll(async () => {
    server = await startExampleServer({ port: 0 })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  // Each test starts from a fresh page load, in a fresh browser context.
  beforeEach(async () => {
    host = await openHostPage(browser!, server!.hostOrigin)
  })
  afterEach(async () => {
    await host?.close()
    expect(host?.errors ?? [], 'errors in the host page').toEqual([])
  })

  const tabIdsNow = async () => (await host.snapshot()).tabs.map((tab) => tab.id)
  /** Everything a CRM message could change, for "nothing changed" checks. */
  const effects = async () => {
    const { tabs, activeTabId, calls, dials, frameTabIds } = await host.snapshot()
    return { tabs, activeTabId, calls, dials, frameTabIds }
  }

  it('serves every CRM frame from an origin other than the host page', async () => {
    const { crmOrigin, foreignOrigin, hostOrigin } = server!
    expect(new URL(host.page.url()).origin).toBe(hostOrigin)
    const { ids } = host
    expect(await host.frameOrigins()).toEqual([
      { key: ids.contact, origin: crmOrigin, hostCanRead: false },
      { key: ids.contactAgain, origin: crmOrigin, hostCanRead: false },
      { key: ids.deals, origin: crmOrigin, hostCanRead: false },
      { key: ids.spoofed, origin: foreignOrigin, hostCanRead: false },
      { key: '(unregistered)', origin: crmOrigin, hostCanRead: false },
    ])
    expect(new Set([hostOrigin, crmOrigin, foreignOrigin]).size).toBe(3)

    const { tabs } = await host.snapshot()
    expect(tabs.map((tab) => tab.id)).toEqual([
      ids.contact,
      ids.contactAgain,
      ids.deals,
      ids.spoofed,
    ])
    expect(tabs[0]!.url).toBe(tabs[1]!.url) // two tabs at the same URL
    for (const tab of tabs) expect(tab.id).toMatch(uuidV4)
  })

  it('a bare close closes exactly the sender, not the other tab at the same URL', async () => {
    const { ids } = host
    await host.click('contactAgain', 'close')
    await expect.poll(tabIdsNow, poll).toEqual([ids.contact, ids.deals, ids.spoofed])

    // And from the other tab at that URL: now it is the one that goes.
    await host.click('contact', 'close')
    await expect.poll(tabIdsNow, poll).toEqual([ids.deals, ids.spoofed])

    const after = await host.snapshot()
    expect(after.frameTabIds).toEqual([ids.deals, ids.spoofed, '(unregistered)'])
    expect(after.rejections).toEqual([])
    expect(await host.page.locator('#tab-strip li').allTextContents()).toEqual([
      'Deals',
      'Spoofed (frame on another origin)',
    ])
  })

  it('a close with an explicit id closes that tab, not the sender', async () => {
    const { ids } = host
    await host.frame('deals').locator('#tab-id').fill(ids.contact)
    await host.click('deals', 'close-by-id')
    await expect.poll(tabIdsNow, poll).toEqual([ids.contactAgain, ids.deals, ids.spoofed])

    const after = await host.snapshot()
    expect(after.frameTabIds).not.toContain(ids.contact)
    expect(after.rejections).toEqual([])
  })

  it('MAKE_CALL dials exactly 15551234567, once, for the sending tab', async () => {
    const { ids } = host
    const before = await tabIdsNow()
    await host.click('deals', 'call')
    await expect
      .poll(async () => (await host.snapshot()).calls.map((call) => call.status), poll)
      .toEqual(['placed'])

    const after = await host.snapshot()
    expect(after.dials).toEqual(['15551234567'])
    expect(await host.page.evaluate(() => window.__dials)).toEqual(['15551234567'])
    expect(after.calls[0]).toMatchObject({ destination: '15551234567', tabId: ids.deals })
    expect(after.tabs.map((tab) => tab.id)).toEqual(before)
    expect(after.rejections).toEqual([])
    expect(await host.page.locator('#dials li').allTextContents()).toEqual(['15551234567'])
  })

  it('a frame that is not a registered tab changes nothing and is rejected as unknown-source', async () => {
    const before = await effects()
    // The stray frame sits in #iframe-parent and loads the Deals tab's URL: matching by URL must not
    // make it the Deals tab. Its call goes first: a close would leave no tab to match.
    await host.click('stray', 'call')
    await host.click('stray', 'close')
    await host.click('stray', 'close-by-id')
    const after = await host.afterRejections(3)

    const origin = server!.crmOrigin
    expect.soft(after.rejections).toEqual([
      { reason: 'unknown-source', type: 'MAKE_CALL', origin },
      { reason: 'unknown-source', type: 'CLOSE_CRM_TAB', origin },
      { reason: 'unknown-source', type: 'CLOSE_CRM_TAB', origin },
    ])
    expect(await effects()).toEqual(before)
  })

  it('a message from the host window itself changes nothing and is rejected as unknown-source', async () => {
    const before = await effects()
    await host.page.evaluate(() => {
      window.postMessage({ type: 'CLOSE_CRM_TAB' }, '*')
      window.postMessage({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }, '*')
    })
    const after = await host.afterRejections(2)

    const origin = server!.hostOrigin
    expect.soft(after.rejections).toEqual([
      { reason: 'unknown-source', type: 'CLOSE_CRM_TAB', origin },
      { reason: 'unknown-source', type: 'MAKE_CALL', origin },
    ])
    expect(await effects()).toEqual(before)
  })

  it('a tab frame on a disallowed origin changes nothing and is rejected as origin-not-allowed', async () => {
    const { ids } = host
    const before = await effects()
    await host.frame('spoofed').locator('#tab-id').fill(ids.contact)
    await host.click('spoofed', 'close')
    await host.click('spoofed', 'close-by-id')
    await host.click('spoofed', 'call')
    const after = await host.afterRejections(3)

    const origin = server!.foreignOrigin
    expect.soft(after.rejections).toEqual([
      { reason: 'origin-not-allowed', type: 'CLOSE_CRM_TAB', origin, tabId: ids.spoofed },
      { reason: 'origin-not-allowed', type: 'CLOSE_CRM_TAB', origin, tabId: ids.spoofed },
      { reason: 'origin-not-allowed', type: 'MAKE_CALL', origin, tabId: ids.spoofed },
    ])
    expect(await effects()).toEqual(before)
  })

  it('a malformed message (no type) changes nothing, and later messages still work', async () => {
    const { ids } = host
    await host.click('deals', 'malformed')
    // Messages from one frame arrive in order: once the call is placed, the malformed one was handled.
    await host.click('deals', 'call')
    await expect
      .poll(async () => (await host.snapshot()).calls.map((call) => call.status), poll)
      .toEqual(['placed'])

    const after = await host.snapshot()
    expect(after.tabs.map((tab) => tab.id)).toEqual([
      ids.contact,
      ids.contactAgain,
      ids.deals,
      ids.spoofed,
    ])
    expect(after.dials).toEqual(['15551234567'])
    // Untyped data is other scripts' traffic: ignored, without even a rejection.
    expect(after.rejections).toEqual([])
  })
})
