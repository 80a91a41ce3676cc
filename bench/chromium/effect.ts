// Message to effect in Chromium: MAKE_CALL from a cross-site frame's postMessage to the bridge's
// call of telephony.dial, and to a bare `message` listener on the same page (the floor). Every
// message gets all three stamps; its overhead is its dial stamp minus its bare stamp, both on the
// host's clock. The frames take turns, 20 messages each, after a warm-up.
import type { Browser, Frame } from 'playwright-core'
import type { HostTimes } from './host.js'
import type { BenchServer } from './server.js'

/** The host page opens this many tabs (see server.ts). */
export const EFFECT_TABS = 10
const PER_BATCH = 20
const BATCHES = 100 // 2,000 messages, 200 from each tab
const WARM_UP_BATCHES = 10
const GAP_MS = 1

export interface EffectRow {
  isolated: boolean
  messages: number
  /** ms per message, one sample per message, in the same order. */
  toBare: number[]
  toDial: number[]
  overhead: number[]
  /** Host to frame, for the acknowledgement: a check that the two clocks agree. */
  back: number[]
}

interface FrameTimes {
  sent: number[]
  acked: number[]
  isolated: boolean
}

type SendingWindow = { benchSend(count: number, gapMs: number): Promise<FrameTimes> }

export async function benchEffect(browser: Browser, server: BenchServer): Promise<EffectRow> {
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

  const row: EffectRow = {
    isolated: await page.evaluate(() => window.bench!.isolated),
    messages: 0,
    toBare: [],
    toDial: [],
    overhead: [],
    back: [],
  }
  for (let batch = -WARM_UP_BATCHES; batch < BATCHES; batch++) {
    const frame = frames[(batch + WARM_UP_BATCHES) % frames.length]!
    const sent = await send(frame)
    const host: HostTimes = await take()
    const n = sent.sent.length
    if (host.bare.length !== n || host.dials.length !== n || host.acks.length !== n) {
      throw new Error(`batch of ${n}: ${JSON.stringify(Object.values(host).map((t) => t.length))}`)
    }
    row.isolated &&= sent.isolated
    if (batch < 0) continue
    for (let i = 0; i < n; i++) {
      row.toBare.push(host.bare[i]! - sent.sent[i]!)
      row.toDial.push(host.dials[i]! - sent.sent[i]!)
      row.overhead.push(host.dials[i]! - host.bare[i]!)
      row.back.push(sent.acked[i]! - host.acks[i]!)
    }
  }
  row.messages = row.toDial.length
  await page.close()
  if (errors.length > 0) throw new Error(`errors in the host page: ${errors.join('; ')}`)
  return row
}
