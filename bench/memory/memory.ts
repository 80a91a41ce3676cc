// Memory per open tab in a UCP-shaped host (./hostPage.tsx), with the package and with a plain
// useState list, in turns. One sample is one fresh page: the host mounted and warmed up (see
// `mountWarm`), then the heap with no tab open and with 10, 100 and 1,000 tabs open (each time
// once every frame is ready), after full GCs. Per tab: the heap's growth over the empty host, divided by the tabs. A fresh page each time,
// because what a page held before (a selector's last result, a removed frame's DOM) is let go
// only later and would count as negative growth. The heap is the page's own, through the DevTools
// protocol (Runtime.getHeapUsage): `usedSize` is V8's JS heap, `embedderHeapUsedSize` Blink's (the
// DOM). The CRM pages are in another process and not counted: they cost the same whoever hosts them.
import { ratioOf, spreadOf, type PartResult, type Row } from '../lib/figures.js'
import { int } from '../lib/table.js'
import type { Chromium, PageSession } from './cdp.js'
import type { HostShape } from './hostPage.js'

export const MEMORY_TABS = [10, 100, 1000]
export const SHAPES: HostShape[] = ['package', 'plain']
const ROUNDS = 5
const WARM_UP = [100, 1]
/** A full GC, a pause for Blink to finish tearing down what it let go (frames swapped for their
 * cross-site pages), then GCS more: without the pause Blink's heap varies by ~0.3 MB. */
const GCS = 2
const SETTLE_MS = 500

export interface Heap {
  js: number
  dom: number
}

/** Bytes per tab, per shape and tab count, one value per round; and seconds spent opening tabs. */
export interface MemoryRun {
  rounds: number
  perTab: Record<HostShape, Record<number, Heap[]>>
  /** The empty host's JS heap at each sample, to show that samples start from the same place. */
  empty: Record<HostShape, number[]>
  openSeconds: number
}

async function heap(page: PageSession): Promise<Heap> {
  await page.evaluate('gc()')
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  await page.evaluate(`for (let i = 0; i < ${GCS}; i++) gc()`)
  const usage = await page.send<{ usedSize: number; embedderHeapUsedSize?: number }>(
    'Runtime.getHeapUsage',
  )
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? Number.NaN }
}

/** Opens a fresh page of hosts; `url` is the server's memory.html. */
export async function openHostPage(chromium: Chromium, url: string): Promise<PageSession> {
  const page = await chromium.newPage(url)
  for (let tries = 0; !(await page.evaluate<boolean>('!!window.benchMemory')); tries++) {
    if (tries > 300) throw new Error('the memory page did not load')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return page
}

/**
 * Mounts `shape` and runs its code: 100 tabs opened and closed, so that the JIT's code and feedback
 * for many tabs is not counted as what a tab holds; then one, so that what a cache keeps of the
 * last state it saw (a memoized selector's last result) is one tab's worth.
 */
export async function mountWarm(page: PageSession, shape: HostShape): Promise<void> {
  await page.evaluate(`window.benchMemory.mount(${JSON.stringify(shape)})`)
  for (const tabs of WARM_UP) {
    await page.evaluate(`window.benchMemory.open(${tabs})`)
    await page.evaluate('window.benchMemory.closeAll()')
  }
}

/** One sample of `shape` in a fresh page: bytes per tab at each count, the empty host's JS heap. */
async function sample(chromium: Chromium, url: string, shape: HostShape) {
  const page = await openHostPage(chromium, url)
  await mountWarm(page, shape)
  const empty = await heap(page)
  const perTab: Record<number, Heap> = {}
  let open = 0
  let seconds = 0
  for (const tabs of MEMORY_TABS) {
    const started = performance.now()
    await page.evaluate(`window.benchMemory.open(${tabs - open})`)
    seconds += (performance.now() - started) / 1000
    open = tabs
    const full = await heap(page)
    perTab[tabs] = { js: (full.js - empty.js) / tabs, dom: (full.dom - empty.dom) / tabs }
  }
  await page.close()
  return { perTab, empty: empty.js, seconds }
}

/** `rounds` rounds, each a sample of either shape, the shapes' order alternating. */
export async function benchMemory(chromium: Chromium, url: string, rounds = ROUNDS) {
  const run: MemoryRun = {
    rounds,
    perTab: { package: {}, plain: {} },
    empty: { package: [], plain: [] },
    openSeconds: 0,
  }
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? SHAPES : [...SHAPES].reverse()
    for (const shape of order) {
      const { perTab, empty, seconds } = await sample(chromium, url, shape)
      process.stderr.write(` ${round + 1}/${rounds} ${shape}`)
      for (const tabs of MEMORY_TABS) (run.perTab[shape][tabs] ??= []).push(perTab[tabs]!)
      run.empty[shape].push(empty)
      run.openSeconds += seconds
    }
  }
  return run
}

const total = (heap: Heap) => heap.js + heap.dom

/** Rows at each tab count: the package's host against the plain one, paired round by round. */
export function memoryResult(run: MemoryRun): PartResult {
  const rows: Row[] = []
  const checks: string[] = []
  const negative: string[] = []
  for (const tabs of MEMORY_TABS) {
    const [ours, theirs] = SHAPES.map((shape) => run.perTab[shape][tabs]!.map(total))
    rows.push({
      id: `memory.chromium.${tabs}`,
      measure: `Memory per open tab, ${int(tabs)} tabs (Chromium, UCP-shaped React host), JS + DOM heap`,
      unit: 'B',
      ours: spreadOf(ours!),
      against: 'the same host, tabs in a useState list',
      theirs: spreadOf(theirs!),
      ratio: ratioOf(ours!, theirs!),
      reads: 'times',
    })
    for (const shape of SHAPES) {
      const heaps = run.perTab[shape][tabs]!
      if (heaps.some((heap) => total(heap) <= 0)) negative.push(`${shape} at ${tabs} tabs`)
      const part = (key: keyof Heap) => int(spreadOf(heaps.map((heap) => heap[key])).median)
      checks.push(
        `memory, ${shape} host, ${tabs} tabs: JS ${part('js')} B + DOM ${part('dom')} B per tab (medians)`,
      )
    }
  }
  const drift = SHAPES.map((shape) => {
    const empty = spreadOf(run.empty[shape])
    return `${shape} ${int((empty.max - empty.min) / 1024)} KB`
  })
  checks.unshift(
    `memory: ${run.rounds} rounds, each a fresh page of either host (in turns), warmed up with ${WARM_UP.join(' then ')} tabs, grown to ${MEMORY_TABS.join(', ')} tabs, full GCs before each reading; the empty hosts' JS heap varied by ${drift.join(', ')} between samples; opening tabs took ${run.openSeconds.toFixed(0)} s`,
  )
  if (negative.length > 0) {
    checks.unshift(
      `WARNING: memory per tab at or below zero (${negative.join('; ')}): GC did not settle`,
    )
  }
  return { rows, targets: [], checks }
}
