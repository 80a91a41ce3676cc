import type { Browser } from 'playwright-core'
import {
  ACTION_TIMEOUT_MS,
  readValue,
  type ConsoleRecord,
  type Engine,
  type EngineDriver,
} from './types'

/**
 * A browser launched by playwright-core: Chromium always, and Playwright's own builds of Firefox
 * and WebKit where those are the engines found (scripts/browserEngines.mjs).
 */
export async function playwrightDriver(engine: Engine, browser: Browser): Promise<EngineDriver> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  let record: ConsoleRecord = { errors: [], warnings: [] }
  page.on('pageerror', (error) => record.errors.push(error.message))
  // Every frame's console, the browser's own messages (a dropped postMessage, say) included.
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(message.text())
    if (message.type() === 'warning') record.warnings.push(message.text())
  })
  const locate = (selector: string, frame?: string) =>
    (frame === undefined ? page : page.frameLocator(frame)).locator(selector)
  const timeout = ACTION_TIMEOUT_MS

  return {
    engine,
    async open(url) {
      record = { errors: [], warnings: [] }
      await page.goto(url)
    },
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    click: (selector, frame) => locate(selector, frame).click({ timeout }),
    fill: (selector, value, frame) => locate(selector, frame).fill(value, { timeout }),
    read: (selector, frame) => locate(selector, frame).evaluate(readValue, undefined, { timeout }),
    console: async () => record,
    close: () => browser.close(),
  }
}
