// Message to effect in Chromium: MAKE_CALL from a cross-site frame's postMessage to the bridge's
// call of telephony.dial, and to a bare `message` listener on the same page (the floor). Every
// message gets all three stamps; its overhead is its dial stamp minus its bare stamp, both on the
// host's clock, so the package and its comparison are timed on the very same messages. The frames
// take turns, 20 messages each; a round is 20 turns, and each round has its own p50 and p99.
import type { Browser, Frame } from 'playwright-core'
import { differenceOf, spreadOf, type PartResult } from '../lib/figures.js'
import { median, percentile } from '../lib/stats.js'
import type { HostTimes } from './host.js'
import type { BenchServer } from './server.js'

/** The host page opens this many tabs (see server.ts). */
export const EFFECT_TABS = 10
const PER_BATCH = 20
const ROUNDS = 5
const BATCHES_PER_ROUND = 20 // 400 messages a round, 40 from each tab
const WARM_UP_BATCHES = 10
const GAP_MS = 1

const STATS = ['bare50', 'bare99', 'dial50', 'dial99', 'over50', 'over99', 'back50'] as const

export interface EffectRun {
  isolated: boolean
  messages: number
  /** Per round, in ms: frame → bare listener, frame → dial, dial − bare, and host → frame. */
  rounds: Record<(typeof STATS)[number], number[]>
}

interface FrameTimes {
  sent: number[]
  acked: number[]
  isolated: boolean
}

type SendingWindow = { benchSend(count: number, gapMs: number): Promise<FrameTimes> }

export async function benchEffect(browser: Browser, server: BenchServer): Promise<EffectRun> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.hostUrl)
  await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 30_000 })
  const frames = page.frames().filter((frame) => frame.url().startsWith(server.frameOrigin))
  if (frames.length !== EFFECT_TABS)
    throw new Error(`${frames.length} CRM frames, not ${EFFECT_TABS}`)

  const send = (frame: Frame) =>
    frame.evaluate(([count, gap]) => (window as unknown as SendingWindow).benchSend(count, gap), [
      PER_BATCH,
      GAP_MS,
    ] as const)
  const take = () => page.evaluate(() => window.bench!.take())

  const run: EffectRun = {
    isolated: await page.evaluate(() => window.bench!.isolated),
    messages: 0,
    rounds: Object.fromEntries(STATS.map((stat) => [stat, []])) as unknown as EffectRun['rounds'],
  }
  let turn = 0
  for (let round = -1; round < ROUNDS; round++) {
    const batches = round < 0 ? WARM_UP_BATCHES : BATCHES_PER_ROUND
    const ms = {
      bare: [] as number[],
      dial: [] as number[],
      over: [] as number[],
      back: [] as number[],
    }
    for (let batch = 0; batch < batches; batch++) {
      const sent = await send(frames[turn++ % frames.length]!)
      const host: HostTimes = await take()
      const n = sent.sent.length
      if (host.bare.length !== n || host.dials.length !== n || host.acks.length !== n) {
        throw new Error(
          `batch of ${n}: ${JSON.stringify(Object.values(host).map((t) => t.length))}`,
        )
      }
      run.isolated &&= sent.isolated
      for (let i = 0; i < n; i++) {
        ms.bare.push(host.bare[i]! - sent.sent[i]!)
        ms.dial.push(host.dials[i]! - sent.sent[i]!)
        ms.over.push(host.dials[i]! - host.bare[i]!)
        ms.back.push(sent.acked[i]! - host.acks[i]!)
      }
    }
    if (round < 0) continue
    for (const part of ['bare', 'dial', 'over'] as const) {
      run.rounds[`${part}50`].push(median(ms[part]))
      run.rounds[`${part}99`].push(percentile(ms[part], 99))
    }
    run.rounds.back50.push(median(ms.back))
    run.messages += ms.dial.length
  }
  await page.close()
  if (errors.length > 0) throw new Error(`errors in the host page: ${errors.join('; ')}`)
  return run
}

/** Rows of message to effect, and the target: a median overhead of at most 0.1 ms. */
export function effectResult({ rounds: r, messages, isolated }: EffectRun): PartResult {
  const against = 'bare listener, same page'
  const measure = 'Frame postMessage to effect (Chromium)'
  const over50 = spreadOf(r.over50)
  return {
    rows: [
      ...(['50', '99'] as const).map((p) => ({
        id: `effect.chromium.p${p}`,
        measure: `${measure}, p${p}`,
        unit: 'ms' as const,
        ours: spreadOf(r[`dial${p}`]),
        against,
        theirs: spreadOf(r[`bare${p}`]),
        ratio: differenceOf(r[`dial${p}`], r[`bare${p}`]),
        reads: 'plus' as const,
      })),
      ...(['50', '99'] as const).map((p) => ({
        id: `effect.chromium.overhead.p${p}`,
        measure: `Overhead per message, dial − bare on each message (Chromium), p${p}`,
        unit: 'ms' as const,
        ours: spreadOf(r[`over${p}`]),
      })),
    ],
    targets: [
      {
        id: 'effect.chromium.overhead.p50',
        text: 'In Chromium, the median overhead of a MAKE_CALL over a bare listener ≤ 0.1 ms',
        unit: 'ms',
        figure: over50,
        better: 'lower',
        limit: 0.1,
      },
    ],
    checks: [
      `message to effect (Chromium): ${r.over50.length} rounds, ${messages.toLocaleString('en-US')} messages; frame → host p50 ${spreadOf(r.bare50).median.toFixed(3)} ms, host → frame p50 ${spreadOf(r.back50).median.toFixed(3)} ms (close: the two clocks agree)`,
      `Chromium pages cross-origin isolated (5 µs timer steps): ${isolated ? 'yes' : 'NO: timers step by 100 µs'}`,
    ],
  }
}
