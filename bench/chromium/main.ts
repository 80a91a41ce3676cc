// The Chromium part of the bench, in one headless Chromium: message to effect (effect.ts), a call
// status event (status.ts), then finding the sender (tabs.ts). Prints one line of JSON. Memory has a Chromium of its own
// (../memory/main.ts).
//   node bench/run.mjs bench/chromium/main.ts
import { chromium } from 'playwright-core'
import type { SenderRun } from '../lib/sender.js'
import { benchEffect, EFFECT_TABS, type EffectRun } from './effect.js'
import { startBenchServer } from './server.js'
import { benchStatus, type StatusRun } from './status.js'
import { benchTabs } from './tabs.js'

export interface ChromiumResult {
  version: string
  effect: EffectRun
  status: StatusRun
  sender: SenderRun
}

const root = process.env.UCP_BENCH_ROOT ?? process.cwd()
const server = await startBenchServer(root, EFFECT_TABS)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // As root, without the network; and no throttling of a page that is not in front.
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']
    .concat(['--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding'])
    .concat(['--disable-background-timer-throttling']),
})
try {
  const effect = await benchEffect(browser, server)
  const status = await benchStatus(browser, server)
  const sender = await benchTabs(browser, server)
  const result: ChromiumResult = { version: browser.version(), effect, status, sender }
  console.log(JSON.stringify(result))
} finally {
  await browser.close()
  await server.close()
}
