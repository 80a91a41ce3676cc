// MAKE_CALL to the dial, end to end in jsdom: the same message, from a tab's frame, into two pages
// with the same tabs. One runs the package (createCrmBridge, configureStore with RTK's default
// middleware, crm.start); the other runs the spec's hand-written listener. Each message is timed
// alone, from dispatchEvent to the call of telephony.dial; the two pages take turns, and the
// promise callbacks left by a message run before the next one is sent. Each round has the pages
// take turns in blocks; its p50 and p99 are its own, so that every figure has a spread over rounds.
// A third page is the package again with two custom message types defined: what defining types
// costs the built-in MAKE_CALL, against the package's page without them, in the same rounds.
import { configureStore } from '@reduxjs/toolkit'
import {
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  type CrmMessageDefinitions,
} from 'ucp-crm-bridge'
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
  /** The package with {@link CUSTOM_TYPES} defined. */
  custom: Percentiles
  /** Messages to each page, in all rounds. */
  messages: number
}

/** Two custom types as a host would define them; the bench sends only MAKE_CALL. */
const CUSTOM_TYPES: CrmMessageDefinitions = {
  OPEN_RECORD: {
    parse: (payload) => (typeof payload === 'object' && payload !== null ? payload : undefined),
    handle: () => ({ opened: true }),
  },
  GET_AGENT_STATE: { parse: () => ({}) },
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

function bridgePage(
  tabCount: number,
  messages?: CrmMessageDefinitions,
): Target & { stop: () => void } {
  const page = createPage()
  const frames = page.addFrames(tabCount)
  const { dial, dials, dialedAt } = recorder()
  const crm = createCrmBridge({
    telephony: { dial },
    ...GUARDS_OFF,
    logger: false,
    ...(messages && { messages }),
  })
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
  const targets = {
    bridge: bridgePage(tabCount),
    spec: specPage(tabCount),
    custom: bridgePage(tabCount, CUSTOM_TYPES),
  }
  const names = ['bridge', 'spec', 'custom'] as const
  const run: DialRun = {
    tabs: tabCount,
    mode: process.env.NODE_ENV ?? 'development',
    bridge: { p50: [], p99: [] },
    spec: { p50: [], p99: [] },
    custom: { p50: [], p99: [] },
    messages: 0,
  }
  let k = 0
  for (let round = -1; round < ROUNDS; round++) {
    const times = { bridge: [] as number[], spec: [] as number[], custom: [] as number[] }
    for (let block = 0; block < names.length * BLOCKS; block++) {
      const name = names[(block + round + 1) % names.length]!
      for (let i = 0; i < PER_BLOCK; i++) times[name].push(await timeOne(targets[name], k++))
    }
    if (round < 0) continue
    for (const name of names) {
      run[name].p50.push(median(times[name]))
      run[name].p99.push(percentile(times[name], 99))
    }
    run.messages += times.bridge.length
  }
  targets.bridge.stop()
  targets.custom.stop()
  for (const name of names) targets[name].page.close()
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
  // Defining types against none: both pages run the package, so the ratio is near 1 and a
  // per-type scan of the definitions on every message would show as a step above it.
  const custom = (stat: keyof Percentiles, ratio: boolean): Row => ({
    id: `dial.jsdom.customTypes.${stat}`,
    measure: `Message to dial with two custom types defined (jsdom, ${production.tabs} tabs, production), ${stat}`,
    unit: 'µs',
    ours: spreadOf(production.custom[stat]),
    against: 'the same bridge, no custom types',
    theirs: spreadOf(production.bridge[stat]),
    ...(ratio
      ? {
          ratio: ratioOf(production.custom[stat], production.bridge[stat]),
          reads: 'times' as const,
        }
      : {
          ratio: differenceOf(production.custom[stat], production.bridge[stat]),
          reads: 'plus' as const,
        }),
  })
  const customP50 = custom('p50', true)
  return {
    rows: [
      row(production, 'p50'),
      row(production, 'p99'),
      row(development, 'p50'),
      customP50,
      custom('p99', false),
    ],
    targets: [
      {
        id: 'dial.jsdom.customTypes.p50',
        text: 'Two custom types defined cost a MAKE_CALL ≤ 1.2x of none (p50, jsdom, production)',
        unit: 'x',
        figure: customP50.ratio!,
        better: 'lower',
        limit: 1.2,
      },
    ],
    checks: [
      `message to dial (jsdom): ${rounds} rounds of ${production.messages / rounds} messages to each of 3 pages (spec, package, package with 2 custom types), in blocks of ${PER_BLOCK} taking turns`,
    ],
  }
}
