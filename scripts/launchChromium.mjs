// Launches Debian's Chromium headless through playwright-core, for the end-to-end tests and the
// screenshot script. A missing browser throws a message that says how to install it.
import { accessSync, constants } from 'node:fs'
import process from 'node:process'
import { chromium } from 'playwright-core'

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export async function launchChromium() {
  try {
    accessSync(chromiumPath, constants.X_OK)
  } catch {
    throw new Error(
      `No Chromium at ${chromiumPath}: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH).',
    )
  }
  // As root, and without trying the network: no sandbox, no background services.
  return chromium.launch({
    executablePath: chromiumPath,
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
