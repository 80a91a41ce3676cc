// A call status event in Chromium, from the host's action to the frame's post: on the bench's host
// page (production build, 10 registered cross-site frames), calls asked for with a requestId are
// taken through ringing, connected and ended by `store.dispatch`, each event timed alone; the floor
// is a bare postMessage of a status message of the same shape to the same frame, timed in turns
// with them (statusCalls.ts). The frames count what they hear, which checks that every event was
// posted inside its dispatch's time.
import type { Browser } from 'playwright-core'
import { differenceOf, spreadOf, type PartResult, type Row } from '../lib/figures.js'
import { median, percentile } from '../lib/stats.js'
import type { BenchServer } from './server.js'
import type { StatusTimes } from './statusCalls.js'

const ROUNDS = 5
const CALLS_PER_ROUND = 100 // 300 status events a round, 10 calls from each frame

export interface StatusRun {
  /** Per round, ms: the status event's and the bare post's p50 and p99. */
  rounds: Record<'status50' | 'status99' | 'bare50' | 'bare99', number[]>
  calls: number
  /** What the frames heard, in all rounds and the warm-up: the bridge's statuses and the bare ones. */
  heard: { bridge: number; bare: number }
  sent: number
}

type CountingWindow = { benchStatuses: { bridge: number; bare: number } }

export async function benchStatus(browser: Browser, server: BenchServer): Promise<StatusRun> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(server.hostUrl)
  await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 30_000 })
  const run: StatusRun = {
    rounds: { status50: [], status99: [], bare50: [], bare99: [] },
    calls: 0,
    heard: { bridge: 0, bare: 0 },
    sent: 0,
  }
  for (let round = -1; round < ROUNDS; round++) {
    const first = (round + 1) * CALLS_PER_ROUND
    const times: StatusTimes = await page.evaluate(
      ([from, count]) => window.bench!.statusCalls(from, count),
      [first, CALLS_PER_ROUND] as const,
    )
    run.sent += times.status.length
    if (round < 0) continue
    run.rounds.status50.push(median(times.status))
    run.rounds.status99.push(percentile(times.status, 99))
    run.rounds.bare50.push(median(times.bare))
    run.rounds.bare99.push(percentile(times.bare, 99))
    run.calls += CALLS_PER_ROUND
  }
  // Posted inside the dispatch, delivered by the frames' own tasks: wait until all have come.
  const frames = page.frames().filter((f) => f.url().startsWith(server.frameOrigin))
  for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
    run.heard = { bridge: 0, bare: 0 }
    for (const frame of frames) {
      const heard = await frame.evaluate(() => (window as unknown as CountingWindow).benchStatuses)
      run.heard.bridge += heard.bridge
      run.heard.bare += heard.bare
    }
    if (run.heard.bridge >= run.sent && run.heard.bare >= run.sent) break
  }
  await page.close()
  if (errors.length > 0) throw new Error(`errors in the host page: ${errors.join('; ')}`)
  return run
}

/** Rows: p50 and p99 of a status event against the bare post; the target on its p99. */
export function statusResult({ rounds: r, calls, heard, sent }: StatusRun): PartResult {
  const row = (p: '50' | '99'): Row => ({
    id: `status.chromium.p${p}`,
    measure: `A call status event, host's action to the frame's post (Chromium), p${p}`,
    unit: 'ms',
    ours: spreadOf(r[`status${p}`]),
    against: 'bare postMessage of the same message',
    theirs: spreadOf(r[`bare${p}`]),
    ratio: differenceOf(r[`status${p}`], r[`bare${p}`]),
    reads: 'plus',
  })
  const heardAll = heard.bridge === sent && heard.bare === sent
  return {
    rows: [row('50'), row('99')],
    targets: [
      {
        id: 'status.chromium.p99',
        text: "In Chromium, a call status event takes ≤ 1 ms at p99, host's action to the frame's post",
        unit: 'ms',
        figure: spreadOf(r.status99),
        better: 'lower',
        limit: 1,
      },
    ],
    checks: [
      `call status (Chromium): ${r.status50.length} rounds of ${calls / r.status50.length} calls (3 events each) from 10 frames; the frames heard ${heard.bridge} of ${sent} statuses from the bridge and ${heard.bare} of ${sent} bare posts${heardAll ? '' : ': SOME MISSING'}`,
    ],
  }
}
