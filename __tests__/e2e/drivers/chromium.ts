import { launchChromium } from '../../../scripts/launchChromium.mjs'
import { ACTION_TIMEOUT_MS, readValue, type EngineDriver } from './types'

/** Chromium through playwright-core. */
export async function chromiumDriver(): Promise<EngineDriver> {
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  let errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  const locate = (selector: string, frame?: string) =>
    (frame === undefined ? page : page.frameLocator(frame)).locator(selector)
  const timeout = ACTION_TIMEOUT_MS

  return {
    engine: 'chromium',
    async open(url) {
      errors = []
      await page.goto(url)
    },
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    click: (selector, frame) => locate(selector, frame).click({ timeout }),
    fill: (selector, value, frame) => locate(selector, frame).fill(value, { timeout }),
    read: (selector, frame) => locate(selector, frame).evaluate(readValue, undefined, { timeout }),
    consoleErrors: () => errors,
    close: () => browser.close(),
  }
}
