// Launches Chromium headless through playwright-core, for the end-to-end tests, the screenshot
// script and the flood bench: Debian's, Playwright's or CHROMIUM_PATH's (scripts/browserEngines.mjs).
// A missing browser throws a message that says what to install.
import { chromium } from 'playwright-core'
import { locateEngine } from './browserEngines.mjs'

export async function launchChromium() {
  const { executablePath } = await locateEngine('chromium')
  // As root, and without trying the network: no sandbox, no background services.
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
