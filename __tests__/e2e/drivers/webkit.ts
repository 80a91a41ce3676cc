import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { webkit } from 'playwright-core'
import { Builder, By, until, type WebDriver, type WebElement } from 'selenium-webdriver'
import { vi } from 'vitest'
import { locateEngine, type WebKitGtk } from '../../../scripts/browserEngines.mjs'
import { playwrightDriver } from './playwright'
import {
  ACTION_TIMEOUT_MS,
  describeTarget,
  readValue,
  type ConsoleRecord,
  type EngineDriver,
} from './types'
import { startXvfb } from './xvfb'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once the driver answers on `url`; fails as soon as it exits, or after 10 s. */
async function waitForDriver(url: string, child: ChildProcess): Promise<void> {
  const exited = () => child.exitCode !== null || child.signalCode !== null
  await vi
    .waitFor(
      async () => {
        if (exited()) return // said below
        const status = await fetch(`${url}/status`)
        if (!status.ok) throw new Error(`WebKitWebDriver answered ${status.status}`)
      },
      { timeout: 10_000 },
    )
    .catch((error: unknown) => {
      throw new Error('WebKitWebDriver did not answer within 10 s', { cause: error })
    })
  if (exited()) throw new Error(`WebKitWebDriver exited (${child.exitCode ?? child.signalCode})`)
}

/**
 * WebKit: WebKitGTK's MiniBrowser (Debian's, or WEBKIT_DRIVER_PATH's) through WebKitWebDriver and
 * selenium-webdriver on its own Xvfb display; Playwright's own WebKit (macOS, another Linux)
 * through playwright-core.
 */
export async function webkitDriver(): Promise<EngineDriver> {
  const found = await locateEngine('webkit')
  if (found.driver === 'playwright') {
    return playwrightDriver('webkit', await webkit.launch({ executablePath: found.executablePath }))
  }
  return webkitGtkDriver(found)
}

async function webkitGtkDriver({ driverPath, miniBrowserPath, xvfbPath }: WebKitGtk) {
  const xvfb = await startXvfb(xvfbPath)
  const port = await freePort()
  const child = spawn(driverPath, [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: xvfb.display },
  })
  let driver: WebDriver
  try {
    const url = `http://127.0.0.1:${port}`
    await waitForDriver(url, child)
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
      })
      .build()
  } catch (error) {
    child.kill()
    xvfb.stop()
    throw error
  }

  async function find(selector: string, frame?: string): Promise<WebElement> {
    await driver.switchTo().defaultContent()
    if (frame !== undefined) {
      const element = await driver.wait(until.elementLocated(By.css(frame)), ACTION_TIMEOUT_MS)
      await driver.switchTo().frame(element)
    }
    const element = await driver.wait(until.elementLocated(By.css(selector)), ACTION_TIMEOUT_MS)
    await driver.wait(until.elementIsVisible(element), ACTION_TIMEOUT_MS)
    return element
  }
  async function act<T>(
    selector: string,
    frame: string | undefined,
    action: (element: WebElement) => Promise<T>,
  ) {
    try {
      return await action(await find(selector, frame))
    } catch (error) {
      throw new Error(`WebKit: ${describeTarget(selector, frame)}: ${(error as Error).message}`)
    } finally {
      await driver.switchTo().defaultContent()
    }
  }

  const driven: EngineDriver = {
    engine: 'webkit',
    open: (url) => driver.get(url),
    evaluate: (fn, arg) => driver.executeScript(`return (${fn.toString()})(arguments[0])`, arg),
    click: (selector, frame) => act(selector, frame, (element) => element.click()),
    fill: (selector, value, frame) =>
      act(selector, frame, async (element) => {
        await element.click() // WebKitWebDriver clears only a field that has the focus
        await element.clear()
        await element.sendKeys(value)
      }),
    read: (selector, frame) =>
      act(selector, frame, (element) =>
        driver.executeScript(`return (${readValue.toString()})(arguments[0])`, element),
      ),
    // WebKitWebDriver reports no console: the shell records what its own console was given and
    // its uncaught errors (docs/demo/testHooks.ts). Frames and the browser's own messages are
    // out of its reach (the quiet tour reads them from MiniBrowser's standard output instead).
    console: () =>
      driver.executeScript<ConsoleRecord>(
        'return window.__ucpDemo ? window.__ucpDemo.console() : { errors: [], warnings: [] }',
      ),
    async close() {
      await driver.quit().catch(() => undefined)
      child.kill()
      xvfb.stop()
    },
  }
  return driven
}
