import { accessSync, constants } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Launches the system Chromium headless. A missing browser fails the run with a message that says
 * how to install it: these tests must never pass by skipping.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    accessSync(chromiumPath, constants.X_OK)
  } catch {
    throw new Error(
      `No Chromium at ${chromiumPath}: the end-to-end tests need a real browser. ` +
        'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH).',
    )
  }
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
