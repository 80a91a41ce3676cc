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

  // A call connected, and one ringing, each with its Hang up.
  await clickInTab('Contact 42', 'call')
  await calls('connected').first().waitFor({ timeout })
  await clickInTab('Contact 42 (2)', 'call')
  await calls('ringing').first().waitFor({ timeout })
  await shoot('demo-call')

  // The Messages panel: the client page's call, told to it step by step, and while it goes on
  // Globex's busy call, malformed messages, its refused OPEN_RECORD (not granted), and a page on
  // another origin refused; then the call hung up, the client page's call log, and the agent state
  // it read through UCP's own message.
  await page.locator('[data-sample="client"]').click()
  await clickInTab('Client page', 'client-call')
  const status = (step) => page.locator(`#messages li[data-kind="status"][data-status="${step}"]`)
  await status('connected').waitFor({ timeout })
  for (const button of ['call-busy', 'bad-unknown-type', 'bad-no-digits', 'raw-open-record']) {
    await clickInTab('Ticket 7', button)
  }
  await clickInTab('Ticket 7', 'navigate')
  await page
    .frameLocator('#iframe-parent iframe:not([hidden])')
    .locator('header', { hasText: 'Identity provider' })
    .waitFor({ timeout })
  await clickInTab('Ticket 7', 'close')
  await page.locator('#calls li', { hasText: 'ended: busy' }).waitFor({ timeout })
  await page.locator('#calls li', { hasText: 'from Client page' }).locator('.hang-up').click()
  await status('ended').waitFor({ timeout })
  await clickInTab('Client page', 'client-agent-state')
  const clientPage = page.frameLocator('#iframe-parent iframe:not([hidden])')
  await clientPage.locator('#agent-state', { hasText: 'on-call' }).waitFor({ timeout })
  await page.setViewportSize({ width: 1280, height: 1040 })
  await shoot('demo-messages')
  console.log(`Screenshots saved in ${outDir}`)
} finally {
  await browser.close()
  await server.close()
}
