// Finding the sender and memory per tab in Chromium, on the page of tab strips (tabsPage.ts).
// Memory: the page's heap through the DevTools protocol (Runtime.getHeapUsage) after a full GC,
// per tab of the 1000-tab strip: `usedSize` is V8's JS heap, `embedderHeapUsedSize` Blink's heap
// (DOM, event listener entries). The frames exist before the first measure. Median of 3 rounds.
import type { Browser, CDPSession, Page } from 'playwright-core'
import type { SenderRow } from '../lib/sender.js'
import { median } from '../lib/stats.js'
import type { BenchServer } from './server.js'
import type { MemoryStep } from './tabsPage.js'

export interface Bytes {
  js: number
  dom: number
}

export interface MemoryRow {
  tabs: number
  rounds: number
  /** Bytes per tab, median of the rounds. */
  bridge: Bytes
  registry: Bytes
  spec: Bytes
}

/** After a full GC: Chromium runs with --js-flags=--expose-gc, and `gc()` does one. */
async function heap(cdp: CDPSession, page: Page): Promise<Bytes> {
  await page.evaluate(() => (window as unknown as { gc(): void }).gc())
  const usage = (await cdp.send('Runtime.getHeapUsage')) as {
    usedSize: number
    embedderHeapUsedSize?: number
  }
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? Number.NaN }
}

/** Each thing a tab may cost, held and dropped in turns, `rounds` times after a warm-up. */
async function memory(page: Page, tabs: number, rounds: number): Promise<MemoryRow> {
  const cdp = await page.context().newCDPSession(page)
  const step = (name: MemoryStep) => page.evaluate((s) => window.benchTabs!.step(s), name)
  const kinds = ['bridge', 'registry', 'spec'] as const
  const samples = { js: new Map<string, number[]>(), dom: new Map<string, number[]>() }
  for (let round = -1; round < rounds; round++) {
    for (const kind of kinds) {
      await step('drop')
      const before = await heap(cdp, page)
      await step(kind)
      const after = await heap(cdp, page)
      if (round < 0) continue
      for (const part of ['js', 'dom'] as const) {
        const list = samples[part].get(kind) ?? []
        list.push((after[part] - before[part]) / tabs)
        samples[part].set(kind, list)
      }
    }
  }
  await step('drop')
  await cdp.detach()
  const perTab = (kind: string): Bytes => ({
    js: median(samples.js.get(kind)!),
    dom: median(samples.dom.get(kind)!),
  })
  return {
    tabs,
    rounds,
    bridge: perTab('bridge'),
    registry: perTab('registry'),
    spec: perTab('spec'),
  }
}

export async function benchTabs(
  browser: Browser,
  server: BenchServer,
): Promise<{ sender: SenderRow[]; memory: MemoryRow }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  const started = performance.now()
  await page.goto(`${server.hostUrl}tabs.html?tabs=1,10,100&popup=1000`)
  await page.waitForFunction(() => window.benchTabs?.ready === true)
  const loaded = performance.now()
  // Memory first: the sender's methods keep stores and registries of their own.
  const tabs = await page.evaluate(() => window.benchTabs!.memoryTabs)
  const memoryRow = await memory(page, tabs, 3)
  const measured = performance.now()
  const sender = await page.evaluate(() => window.benchTabs!.sender())
  const s = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`
  const [load, heap, find] = [
    s(started, loaded),
    s(loaded, measured),
    s(measured, performance.now()),
  ]
  process.stderr.write(` (load ${load}, memory ${heap}, sender ${find})`)
  await page.close()
  if (errors.length > 0) throw new Error(`errors in the tabs page: ${errors.join('; ')}`)
  return { sender, memory: memoryRow }
}
