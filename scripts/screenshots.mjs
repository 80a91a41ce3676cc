#!/usr/bin/env node
// Regenerates the demo's pictures in docs/images/ (`npm run screenshots`): the shell driven in
// headless Chromium as a person would, by clicking the CRM pages' buttons.
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startDemoServer } from '../docs/demo/server.mjs'
import { launchChromium } from './launchChromium.mjs'

const outDir = fileURLToPath(new URL('../docs/images/', import.meta.url))
const timeout = 10_000

const server = await startDemoServer()
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } })
  await page.goto(`${server.shellOrigin}/`)
  await page.locator('.tab').first().waitFor({ timeout })

  const tab = (title) => page.locator('#tab-strip .tab', { hasText: title }).first()
  /** Shows the tab and clicks a button in its CRM page once the page is ready. */
  async function clickInTab(title, button) {
    await tab(title).locator('[role="tab"]').click()
    const id = await tab(title).getAttribute('data-crm-tab-id')
    await page
      .frameLocator(`#iframe-parent iframe[data-crm-tab-id="${id}"]`)
      .locator(`body[data-ready] #${button}`)
      .click({ timeout })
  }
  const calls = (status) => page.locator(`#calls li[data-status="${status}"]`)
  const shoot = (name) => page.screenshot({ path: `${outDir}${name}.png` })
  mkdirSync(outDir, { recursive: true })

  // Tabs open: two of one URL, one of a second CRM, one more opened from the bar.
  await page.locator('[data-sample="deals"]').click()
  await tab('Contact 42').locator('[role="tab"]').click()
  await shoot('demo-tabs')

  // A call connected, and one in progress.
  await clickInTab('Contact 42', 'call')
  await calls('placed').first().waitFor({ timeout })
  await clickInTab('Contact 42 (2)', 'call')
  await calls('dialing').first().waitFor({ timeout })
  await shoot('demo-call')

  // The Messages panel: a call answered once placed, the reserved number failing, malformed
  // messages, and a page on another origin refused.
  await clickInTab('Ticket 7', 'raw-call-with-id')
  await page.locator('#messages li', { hasText: 'MAKE_CALL_RESULT ok' }).waitFor({ timeout })
  await clickInTab('Ticket 7', 'call-failing')
  for (const button of ['bad-unknown-type', 'bad-no-digits']) {
    await clickInTab('Ticket 7', button)
  }
  await clickInTab('Ticket 7', 'navigate')
  await page
    .frameLocator('#iframe-parent iframe:not([hidden])')
    .locator('header', { hasText: 'Identity provider' })
    .waitFor({ timeout })
  await clickInTab('Ticket 7', 'close')
  await calls('failed').first().waitFor({ timeout })
  await page.locator('#messages li[data-outcome="refused"]').nth(3).waitFor({ timeout })
  await shoot('demo-messages')
  console.log(`Screenshots saved in ${outDir}`)
} finally {
  await browser.close()
  await server.close()
}
