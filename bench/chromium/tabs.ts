// Finding the sender in Chromium, on the page of tab strips (tabsPage.ts): 1, 10 and 100 tabs in
// the page, 1000 in its popup, all in the same rounds.
import type { Browser } from 'playwright-core'
import type { SenderRun } from '../lib/sender.js'
import type { BenchServer } from './server.js'

export async function benchTabs(browser: Browser, server: BenchServer): Promise<SenderRun> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const started = performance.now()
  await page.goto(`${server.hostUrl}tabs.html?tabs=1,10,100&popup=1000`)
  await page.waitForFunction(() => window.benchTabs?.ready === true)
  const loaded = performance.now()
  const run = await page.evaluate(() => window.benchTabs!.sender())
  const s = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`
  process.stderr.write(` (load ${s(started, loaded)}, sender ${s(loaded, performance.now())})`)
  await page.close()
  if (errors.length > 0) throw new Error(`errors in the tabs page: ${errors.join('; ')}`)
  return run
}
