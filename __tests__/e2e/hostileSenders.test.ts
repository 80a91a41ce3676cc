// The senders of docs/security.md that only a real browser can produce: a frame nested in the CRM
// page, a popup, a tab frame that navigated to another origin, and a frame removed while its
// message is on its way. Each one's messages must change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openFloodPage, type FloodPage } from './hardening/floodPage.mjs'
import { useFloodBrowser } from './hardening/useFloodBrowser'

describe('senders that are no CRM tab, in Chromium', () => {
  const env = useFloodBrowser()
  let host: FloodPage

  beforeEach(async () => {
    host = await openFloodPage(env.browser, env.server, 'bridge')
  })
  afterEach(async () => {
    expect(host?.errors ?? [], 'errors in the host page').toEqual([])
    await host.close()
  })

  /** Nothing a message could change has changed: one tab, no dial, nothing accepted. */
  const expectNothingChanged = async () => {
    const after = await host.snapshot()
    expect(after.tabIds).toHaveLength(1)
    expect(after.dials).toEqual([])
    expect(after.stats.accepted).toBe(0)
  }

  /** The crm.html page's close and call, posted from a window that is no tab's frame. */
  const expectTurnedAwayAsUnknownSource = async () => {
    const after = await host.afterRejections(2)
    expect(after.rejections).toEqual([
      { reason: 'unknown-source', type: 'CLOSE_CRM_TAB', origin: env.server.crmOrigin },
      { reason: 'unknown-source', type: 'MAKE_CALL', origin: env.server.crmOrigin },
    ])
    await expectNothingChanged()
  }

  it('turns away a frame nested inside the CRM page, though it has the CRM origin', async () => {
    await host.crmFrame.evaluate(() => (window as unknown as { nest(): Promise<boolean> }).nest())
    await expectTurnedAwayAsUnknownSource()
  })

  it('turns away a popup posting to its opener, though it has the CRM origin', async () => {
    const popup = host.page.waitForEvent('popup')
    await host.page.evaluate(
      (url) => window.__flood.openPopup(url),
      `${env.server.crmOrigin}/crm.html?popup`,
    )
    await (await popup).waitForLoadState()
    await expectTurnedAwayAsUnknownSource()
  })

  it('refuses the tab’s own frame once it navigated to another origin', async () => {
    const { crmFrame } = host
    await crmFrame.evaluate(
      (url) => void (location.href = url),
      `${env.server.elsewhereOrigin}/crm.html`,
    )
    await crmFrame.waitForURL(`${env.server.elsewhereOrigin}/crm.html`)
    await crmFrame.locator('body[data-ready="true"]').waitFor({ state: 'attached' })
    const call = { type: 'MAKE_CALL', payload: { destination: '5550100' } }
    await host.flood(1, call)
    await host.flood(1, { type: 'CLOSE_CRM_TAB' })
    const after = await host.afterRejections(2)
    const tabId = after.tabIds[0]
    expect(after.rejections).toEqual([
      {
        reason: 'origin-not-allowed',
        type: 'MAKE_CALL',
        origin: env.server.elsewhereOrigin,
        tabId,
      },
      {
        reason: 'origin-not-allowed',
        type: 'CLOSE_CRM_TAB',
        origin: env.server.elsewhereOrigin,
        tabId,
      },
    ])
    await expectNothingChanged()
  })

  it('handles quietly a message whose frame was removed just before it was handled', async () => {
    await host.page.evaluate(() => window.__flood.removeFrameOnNextMessage())
    await host.flood(1, { type: 'MAKE_CALL', payload: { destination: '5550100' } })
    const after = await host.afterRejections(1)
    expect(await host.page.locator('#iframe-parent iframe').count()).toBe(0)
    expect(after.rejections).toEqual([
      { reason: 'unknown-source', type: 'MAKE_CALL', origin: env.server.crmOrigin },
    ])
    await expectNothingChanged()
  })
})
