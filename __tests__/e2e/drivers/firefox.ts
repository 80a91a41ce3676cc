import { firefox } from 'playwright-core'
import puppeteer, { type Frame, type Page } from 'puppeteer-core'
import { locateEngine } from '../../../scripts/browserEngines.mjs'
import { playwrightDriver } from './playwright'
import {
  ACTION_TIMEOUT_MS,
  describeTarget,
  readValue,
  type ConsoleRecord,
  type EngineDriver,
} from './types'

/**
 * Firefox: a stock one (Debian's Firefox ESR, or FIREFOX_PATH's) through puppeteer-core over
 * WebDriver BiDi; Playwright's own build, which speaks Playwright's protocol, through playwright-core.
 */
export async function firefoxDriver(): Promise<EngineDriver> {
  const found = await locateEngine('firefox')
  if (found.driver === 'playwright') {
    return playwrightDriver(
      'firefox',
      await firefox.launch({ executablePath: found.executablePath }),
    )
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: found.executablePath,
    headless: true,
    defaultViewport: { width: 1280, height: 800 },
  })
  const page: Page = (await browser.pages())[0] ?? (await browser.newPage())
  page.setDefaultTimeout(ACTION_TIMEOUT_MS)
  let record: ConsoleRecord = { errors: [], warnings: [] }
  page.on('pageerror', (error) => record.errors.push(String(error)))
  // Every frame's console, over WebDriver BiDi.
  page.on('console', (message) => {
    if (message.type() === 'error') record.errors.push(message.text())
    if (message.type() === 'warn') record.warnings.push(message.text())
  })

  async function scope(frame?: string): Promise<Page | Frame> {
    if (frame === undefined) return page
    const element = await page.waitForSelector(frame)
    const content = await element?.contentFrame()
    if (!content) throw new Error(`No document in the frame ${frame}`)
    return content
  }
  async function act<T>(
    selector: string,
    frame: string | undefined,
    action: (at: Page | Frame) => Promise<T>,
  ) {
    try {
      return await action(await scope(frame))
    } catch (error) {
      throw new Error(`Firefox: ${describeTarget(selector, frame)}: ${(error as Error).message}`)
    }
  }

  return {
    engine: 'firefox',
    async open(url) {
      record = { errors: [], warnings: [] }
      await page.goto(url)
    },
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    click: (selector, frame) => act(selector, frame, (at) => at.locator(selector).click()),
    // Locator.fill leaves a cross-origin frame's input empty over BiDi; a person's select-all and
    // typing works everywhere.
    fill: (selector, value, frame) =>
      act(selector, frame, async (at) => {
        const input = await at.locator(selector).waitHandle()
        await input.click({ count: 3 })
        await input.type(value)
      }),
    read: (selector, frame) =>
      act(selector, frame, async (at) => {
        const element = await at.waitForSelector(selector)
        return element!.evaluate(readValue)
      }),
    console: async () => record,
    close: () => browser.close(),
  }
}
