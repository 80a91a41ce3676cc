#!/usr/bin/env node
// npm run bench:flood — one cross-origin CRM frame posts 10,000 MAKE_CALL messages to the host page
// in Chromium, once with only a bare `message` listener on the page and once with ucp-crm-bridge,
// alternating, ROUNDS times each (default 3; medians are printed). It prints:
// - the time each message spends in the listener under test, timed in the page between two
//   bracketing listeners (cross-origin isolated, so performance.now() is precise to 5 µs);
// - the longest main-thread task of the host while the flood is handled, from a Chromium trace
//   (RunTask events of the host's renderer main thread), and the Long Tasks API's count (≥ 50 ms);
// - how long the flood took to drain, first message to last;
// - the same messages dispatched synthetically in one loop in the page, which times the listeners
//   without IPC and task switches: the steadiest of the per-message figures;
// - the bridge's cost per rejected message over the bare listener, both ways.
// The pages and the driver are the end-to-end test's: __tests__/e2e/hardening/.
/* global window -- in the callbacks given to evaluate(), which run in the page */
import process from 'node:process'
import { launchChromium } from '../../scripts/launchChromium.mjs'
import { openFloodPage } from '../../__tests__/e2e/hardening/floodPage.mjs'
import { startFloodServer } from '../../__tests__/e2e/hardening/floodServer.mjs'

const FLOOD = 10_000
const ROUNDS = Number(process.env.ROUNDS ?? 3)
const CALL = { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline']

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The mean without the slowest 1% (preemptions, collections, the one accepted call). */
const trimmedMean = (sorted) => {
  const kept = sorted.slice(0, Math.floor(sorted.length * 0.99))
  return kept.reduce((sum, value) => sum + value, 0) / kept.length
}

/**
 * The host's main thread is the one that ran the most JavaScript calls (FunctionCall events: its
 * listeners, three per message); its longest RunTask from the first of those calls to the end of
 * the last is the longest task while the flood was handled.
 */
function longestTask(trace) {
  const events = trace.traceEvents ?? trace
  const perThread = new Map()
  for (const event of events) {
    if (event.name !== 'FunctionCall' || event.ph !== 'X') continue
    const key = `${event.pid}:${event.tid}`
    perThread.set(key, [...(perThread.get(key) ?? []), event])
  }
  const [key, calls] = [...perThread].sort((a, b) => b[1].length - a[1].length)[0] ?? []
  if (!calls) throw new Error('the trace has no JavaScript call: cannot find the host thread')
  const [pid, tid] = key.split(':').map(Number)
  const start = Math.min(...calls.map((event) => event.ts))
  const end = Math.max(...calls.map((event) => event.ts + event.dur))
  const tasks = events.filter(
    (event) =>
      event.name === 'RunTask' &&
      event.ph === 'X' &&
      event.pid === pid &&
      event.tid === tid &&
      event.ts + event.dur >= start &&
      event.ts <= end,
  )
  return {
    calls: calls.length,
    longestMs: tasks.reduce((longest, task) => Math.max(longest, task.dur), 0) / 1000,
    tasks: tasks.length,
  }
}

/** One flood in a fresh page; with `trace`, the longest task comes from a Chromium trace. */
async function floodOnce(browser, server, mode, trace) {
  const host = await openFloodPage(browser, server, mode)
  try {
    if (trace) await browser.startTracing(host.page, { categories: TRACE_CATEGORIES })
    await host.flood(FLOOD, CALL)
    const snapshot = await host.afterHandled(FLOOD)
    const traced = trace ? longestTask(JSON.parse(String(await browser.stopTracing()))) : undefined
    if (host.errors.length > 0) throw new Error(`errors in the host page: ${host.errors}`)
    const inOrder = await host.page.evaluate(() => window.__flood.samples())
    const samples = [...inOrder].sort((a, b) => a - b)
    const loopMs = await host.page.evaluate((n) => window.__flood.dispatchLoop(n), FLOOD)
    const { timing } = snapshot
    const during = snapshot.longTasks.filter(
      ({ start, duration }) => start + duration >= timing.first && start <= timing.last,
    )
    return {
      longTasks: during.length,
      snapshot,
      traced,
      meanUs: (timing.total / timing.messages) * 1000,
      trimmedUs: trimmedMean(samples) * 1000,
      p99Us: samples[Math.floor(samples.length * 0.99)] * 1000,
      longestListenerMs: timing.longest,
      longestAt: inOrder.indexOf(timing.longest) + 1,
      afterFirstMs: Math.max(...inOrder.slice(1)),
      drainMs: timing.last - timing.first,
      loopUs: (loopMs / FLOOD) * 1000,
    }
  } finally {
    await host.close()
  }
}

const server = await startFloodServer({ isolated: true })
const browser = await launchChromium()
const browserVersion = `Chromium ${browser.version()}`
const runs = { bare: [], bridge: [] }
const traces = { bare: [], bridge: [] }
try {
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['bare', 'bridge']) runs[mode].push(await floodOnce(browser, server, mode))
  }
  // Tracing slows the page down: the traced runs give the longest task only.
  for (const mode of ['bare', 'bridge']) {
    for (let round = 0; round < ROUNDS; round++) {
      traces[mode].push((await floodOnce(browser, server, mode, true)).traced)
    }
  }
} finally {
  await browser.close()
  await server.close()
}

const bridgeRun = runs.bridge[0].snapshot
if (bridgeRun.dials.length !== 1 || bridgeRun.stats.rejected.duplicate !== FLOOD - 1) {
  throw new Error(`the bridge did not dial exactly once: ${JSON.stringify(bridgeRun.stats)}`)
}
if (!bridgeRun.crossOriginIsolated) throw new Error('the host page is not cross-origin isolated')

const figure = (mode, pick) => median(runs[mode].map(pick))
const traced = (mode, pick) => median(traces[mode].map(pick))
const rows = [
  ['listener time per message, mean', (m) => `${figure(m, (r) => r.meanUs).toFixed(2)} µs`],
  ['  without the slowest 1%', (m) => `${figure(m, (r) => r.trimmedUs).toFixed(2)} µs`],
  ['listener time per message, p99', (m) => `${figure(m, (r) => r.p99Us).toFixed(0)} µs`],
  ['longest single message', (m) => `${figure(m, (r) => r.longestListenerMs).toFixed(2)} ms`],
  ['  which message was it (median)', (m) => `#${figure(m, (r) => r.longestAt)}`],
  ['  longest after the first message', (m) => `${figure(m, (r) => r.afterFirstMs).toFixed(2)} ms`],
  ['synthetic dispatch per message', (m) => `${figure(m, (r) => r.loopUs).toFixed(2)} µs`],
  ['flood drained in', (m) => `${figure(m, (r) => r.drainMs).toFixed(0)} ms`],
  ['longest main-thread task (trace)', (m) => `${traced(m, (t) => t.longestMs).toFixed(1)} ms`],
  ['tasks while handling it (trace)', (m) => `${traced(m, (t) => t.tasks)}`],
  ['long tasks ≥ 50 ms (Long Tasks API)', (m) => `${figure(m, (r) => r.longTasks)}`],
  ['dials', (m) => (m === 'bare' ? '-' : `${figure(m, (r) => r.snapshot.dials.length)}`)],
]
const perMessage = figure('bridge', (r) => r.trimmedUs) - figure('bare', (r) => r.trimmedUs)
const perMessageLoop = figure('bridge', (r) => r.loopUs) - figure('bare', (r) => r.loopUs)
const perMessageDrain =
  ((figure('bridge', (r) => r.drainMs) - figure('bare', (r) => r.drainMs)) / FLOOD) * 1000

console.log(
  `Flood: ${FLOOD.toLocaleString('en')} MAKE_CALL from one cross-origin frame, ${browserVersion}, ` +
    `production build, medians of ${ROUNDS} runs per mode`,
)
console.log(`${''.padEnd(38)}${'bare listener'.padEnd(16)}ucp-crm-bridge`)
for (const [label, cell] of rows) {
  console.log(`${label.padEnd(38)}${cell('bare').padEnd(16)}${cell('bridge')}`)
}
console.log(
  `Cost per rejected message of the bridge over a bare listener: ${perMessage.toFixed(2)} µs ` +
    `(listener time, without the slowest 1%), ${perMessageLoop.toFixed(2)} µs (synthetic dispatch), ` +
    `${perMessageDrain.toFixed(2)} µs (drain time)`,
)
