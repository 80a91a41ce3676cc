// Drives the flood host page (floodServer.mjs) in a fresh browser context: for the end-to-end
// tests and for bench/flood. The callbacks given to evaluate() run in the page, hence:
/* global window */

/** Opens the host page in `mode` and waits until it and its CRM frame are ready. */
export async function openFloodPage(browser, server, mode) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.hostUrl(mode))
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 10_000 })
  const iframe = page.locator('#iframe-parent iframe')
  await page
    .frameLocator('#iframe-parent iframe')
    .locator('body[data-ready="true"]')
    .waitFor({ state: 'attached', timeout: 10_000 })
  const crmFrame = await (await iframe.elementHandle()).contentFrame()

  const snapshot = () => page.evaluate(() => window.__flood.snapshot())
  return {
    page,
    crmFrame,
    errors,
    snapshot,
    /** Posts `data` to the host `count` times from the CRM frame, in one task. */
    flood: (count, data, frame = crmFrame) =>
      frame.evaluate(([n, message]) => window.flood(n, message), [count, data]),
    /** The snapshot once `count` messages reached the host's listeners. */
    async afterHandled(count) {
      await page.waitForFunction((n) => window.__flood.snapshot().timing.messages >= n, count, {
        timeout: 60_000,
        polling: 50,
      })
      return snapshot()
    },
    /** The snapshot once `count` rejections were reported, or after 5 s without them. */
    async afterRejections(count) {
      await page
        .waitForFunction((n) => window.__flood.snapshot().rejections.length >= n, count, {
          timeout: 5_000,
        })
        .catch(() => undefined)
      return snapshot()
    },
    close: () => context.close(),
  }
}
