// MAKE_CALL to the dial, end to end in jsdom: the same message, from a tab's frame, into two pages
// with the same tabs. One runs the package (createCrmBridge, configureStore with RTK's default
// middleware, crm.start); the other runs the spec's hand-written listener. Each message is timed
// alone, from dispatchEvent to the call of telephony.dial; the two pages take turns, and the
// promise callbacks left by a message run before the next one is sent. Each round has both pages
// take turns in blocks; its p50 and p99 are its own, so that every figure has a spread over rounds.
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { differenceOf, ratioOf, spreadOf, type PartResult, type Row } from '../lib/figures.js'
import { GUARDS_OFF } from '../lib/guards.js'
import { createSpecListener, type SpecTab } from '../lib/spec.js'
import { drain, median, percentile, spreadOrder } from '../lib/stats.js'
import { createPage, tabTitle, tabUrl, type Page } from './page.js'

const ROUNDS = 7
const BLOCKS = 8 // per page and round, the pages taking turns
const PER_BLOCK = 60

/** Per round, µs from dispatchEvent to telephony.dial. */
interface Percentiles {
  p50: number[]
  p99: number[]
}

export interface DialRun {
  tabs: number
  mode: string
  bridge: Percentiles
  spec: Percentiles
  /** Messages to each page, in all rounds. */
  messages: number
}

const makeCall = () => ({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } })

interface Target {
  page: Page
  sources: Window[]
  dials: () => number
  dialedAt: () => number
}

function recorder() {
  let count = 0
  let at = 0
  const dial = (destination: string) => {
    at = performance.now()
    if (destination === '15551234567') count++
  }
  return { dial, dials: () => count, dialedAt: () => at }
}

function bridgePage(tabCount: number): Target & { stop: () => void } {
  const page = createPage()
  const frames = page.addFrames(tabCount)
  const { dial, dials, dialedAt } = recorder()
  const crm = createCrmBridge({ telephony: { dial }, ...GUARDS_OFF, logger: false })
  const store = configureStore({
    reducer: crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  const stop = crm.start(store, page.view)
  frames.forEach((frame, i) => {
    const tab = store.dispatch(crmTabOpened({ url: tabUrl(i), title: tabTitle(i) })).payload
    crm.registry.register(tab.id, frame)
  })
  const sources = spreadOrder(tabCount).map((i) => frames[i]!.contentWindow!)
  return { page, sources, dials, dialedAt, stop }
}

function specPage(tabCount: number): Target {
  const page = createPage()
  const frames = page.addFrames(tabCount)
  const { dial, dials, dialedAt } = recorder()
  const tabs: SpecTab[] = frames.map((_, i) => ({
    id: crypto.randomUUID(),
    url: tabUrl(i),
    title: tabTitle(i),
  }))
  const listener = createSpecListener(page.document, () => tabs, { dial, closeTab: () => {} })
  page.view.addEventListener('message', listener)
  const sources = spreadOrder(tabCount).map((i) => frames[i]!.contentWindow!)
  return { page, sources, dials, dialedAt }
}

/** Sends one message to `target` and returns µs from dispatchEvent to the dial. */
async function timeOne(target: Target, k: number): Promise<number> {
  const event = target.page.message(makeCall(), target.sources[k % target.sources.length]!)
  const before = target.dials()
  const start = performance.now()
  target.page.view.dispatchEvent(event)
  const elapsed = target.dialedAt() - start
  if (target.dials() !== before + 1) throw new Error('a MAKE_CALL did not dial exactly once')
  await drain()
  return elapsed * 1000
}

export async function benchDial(tabCount = 10): Promise<DialRun> {
  const ours = bridgePage(tabCount)
  const spec = specPage(tabCount)
  const run: DialRun = {
    tabs: tabCount,
    mode: process.env.NODE_ENV ?? 'development',
    bridge: { p50: [], p99: [] },
    spec: { p50: [], p99: [] },
    messages: 0,
  }
  let k = 0
  for (let round = -1; round < ROUNDS; round++) {
    const times = { bridge: [] as number[], spec: [] as number[] }
    for (let block = 0; block < 2 * BLOCKS; block++) {
      const name = (block + round) % 2 === 0 ? 'bridge' : 'spec'
      const target = name === 'bridge' ? ours : spec
      for (let i = 0; i < PER_BLOCK; i++) times[name].push(await timeOne(target, k++))
    }
    if (round < 0) continue
    for (const name of ['bridge', 'spec'] as const) {
      run[name].p50.push(median(times[name]))
      run[name].p99.push(percentile(times[name], 99))
    }
    run.messages += times.bridge.length
  }
  ours.stop()
  ours.page.close()
  spec.page.close()
  return run
}

/** Rows: p50 and p99 in production, p50 in development; the spec's listener in the same rounds. */
export function dialResult(production: DialRun, development: DialRun): PartResult {
  // p99 as a difference: the listener's p99 (a few µs) is the machine's own noise, a timer tick
  // or an interrupt, so a ratio over it does not repeat from run to run.
  const row = (run: DialRun, stat: keyof Percentiles): Row => ({
    id: `dial.jsdom.${run.mode}.${stat}`,
    measure: `Message to dial (jsdom, ${run.tabs} tabs, ${run.mode}), ${stat}`,
    unit: 'µs',
    ours: spreadOf(run.bridge[stat]),
    against: "spec's hand-written listener",
    theirs: spreadOf(run.spec[stat]),
    ...(stat === 'p50'
      ? { ratio: ratioOf(run.bridge[stat], run.spec[stat]), reads: 'slower' as const }
      : { ratio: differenceOf(run.bridge[stat], run.spec[stat]), reads: 'plus' as const }),
  })
  const rounds = production.bridge.p50.length
  return {
    rows: [row(production, 'p50'), row(production, 'p99'), row(development, 'p50')],
    targets: [],
    checks: [
      `message to dial (jsdom): ${rounds} rounds of ${production.messages / rounds} messages to each page, in blocks of ${PER_BLOCK} taking turns`,
    ],
  }
}
