// MAKE_CALL to the dial, end to end in jsdom: the same message, from a tab's frame, into two pages
// with the same tabs. One runs the package (createCrmBridge, configureStore with RTK's default
// middleware, crm.start); the other runs the spec's hand-written listener. Each message is timed
// alone, from dispatchEvent to the call of telephony.dial; the two pages take turns, and the
// promise callbacks left by a message run before the next one is sent.
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { GUARDS_OFF } from '../lib/guards.js'
import { createSpecListener, type SpecTab } from '../lib/spec.js'
import { drain, median, percentile, spreadOrder } from '../lib/stats.js'
import { createPage, tabTitle, tabUrl, type Page } from './page.js'

export interface DialRow {
  tabs: number
  mode: string
  /** µs from dispatchEvent to telephony.dial. */
  bridge: { p50: number; p99: number }
  spec: { p50: number; p99: number }
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

export async function benchDial(tabCount = 10, rounds = 20, perRound = 150): Promise<DialRow> {
  const ours = bridgePage(tabCount)
  const spec = specPage(tabCount)
  const samples = { bridge: [] as number[], spec: [] as number[] }
  let k = 0
  for (let round = -3; round < rounds; round++) {
    const turns = round % 2 === 0 ? (['bridge', 'spec'] as const) : (['spec', 'bridge'] as const)
    for (const name of turns) {
      const target = name === 'bridge' ? ours : spec
      for (let i = 0; i < perRound; i++) {
        const micros = await timeOne(target, k++)
        if (round >= 0) samples[name].push(micros)
      }
    }
  }
  ours.stop()
  ours.page.close()
  spec.page.close()
  const summary = (values: number[]) => ({ p50: median(values), p99: percentile(values, 99) })
  return {
    tabs: tabCount,
    mode: process.env.NODE_ENV ?? 'development',
    bridge: summary(samples.bridge),
    spec: summary(samples.spec),
    messages: samples.bridge.length,
  }
}
