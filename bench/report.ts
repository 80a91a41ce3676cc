// The bench's one table, its targets and the machine, from the results of every part.
import type { ChromiumResult } from './chromium/main.js'
import type { MemoryRow } from './chromium/tabs.js'
import type { DialRow } from './jsdom/dial.js'
import type { SenderRow } from './lib/sender.js'
import { median, percentile } from './lib/stats.js'
import { int, micros, speed, table } from './lib/table.js'
import type { SizeResult } from './size/sizes.js'

export interface Results {
  machine: { cpus: number; cpu: string; node: string; os: string; date: string }
  sender: SenderRow[]
  senderRuns: SenderRow[][]
  dial: DialRow
  dialDev: DialRow
  chromium: ChromiumResult
  /** size-limit's results: the package's entries, the core first, with their budgets. */
  sizes: SizeResult[]
  compared: SizeResult[]
}

const SPEC_SCAN = "spec: scan '#iframe-parent iframe', then URL"
const ms = (value: number) => `${value.toFixed(3)} ms`
const signedMs = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(3)} ms`
const bytes = (value: number) => `${int(value)} B`
const plural = (n: number, word: string) => `${int(n)} ${word}${n === 1 ? '' : 's'}`

/** `1,605x` or `23x` or `1.4x`: a ratio of two durations. */
const times = (ratio: number) =>
  `${ratio >= 100 ? int(ratio) : ratio.toFixed(ratio >= 10 ? 0 : 1)}x`

function senderRows(where: string, rows: SenderRow[]): string[][] {
  return rows.map((row) => [
    `Finding the sender, ${plural(row.tabs, 'tab')} (${where})`,
    `${micros(row.registry)} · ${micros(row.resolve)}`,
    SPEC_SCAN,
    micros(row.spec),
    `${times(row.speedUp.registry!)} · ${times(row.speedUp.resolve!)} faster`,
  ])
}

function memoryRows(row: MemoryRow): string[][] {
  const where = `Memory per open tab (Chromium, ${plural(row.tabs, 'tab')}), JS + DOM heap`
  const sum = (part: { js: number; dom: number }) => part.js + part.dom
  const split = (part: { js: number; dom: number }) =>
    `${bytes(sum(part))} (${int(part.js)} + ${int(part.dom)})`
  const ratio = `${(sum(row.bridge) / sum(row.spec)).toFixed(1)}x`
  return [
    [`${where}: bridge`, split(row.bridge), "spec: UCP's own tab list", split(row.spec), ratio],
    [`${where}: bare registry`, split(row.registry), '', '', ''],
  ]
}

/** `- met: …` or `- MISSED: …, <how far>`. */
function target(met: boolean, detail: string, miss: string): string {
  return met ? `- met: ${detail}` : `- MISSED: ${detail}, ${miss}`
}

/**
 * Finding the sender at 1000 tabs against 1 tab, relative to the growth of a bare
 * `WeakMap.get(event.source)` over the same range in the same run: the floor of any look-up by
 * window (the engine's own hash tables grow slower with more keys). Target: ≤ 1.5x that floor.
 */
function growthTargets(where: string, rows: SenderRow[]): string[] {
  const thousand = rows.find((row) => row.tabs === 1000)
  if (thousand?.growth.registry === undefined) return []
  const floor = thousand.growth.floor!
  return (['registry', 'resolve'] as const).map((key) => {
    const growth = thousand.growth[key]!
    const relative = growth / floor
    const detail =
      `${where}, ${key}: 1000 tabs cost ${growth.toFixed(2)}x 1 tab, against ${floor.toFixed(2)}x ` +
      `for a bare WeakMap.get(event.source): ${relative.toFixed(2)}x its growth (≤ 1.5x)`
    return target(relative <= 1.5, detail, `${(relative / 1.5).toFixed(2)}x over`)
  })
}

export function report(results: Results): string {
  const { sender, dial, dialDev, chromium, machine } = results
  const effect = chromium.effect
  const rows: string[][] = [
    ...senderRows('jsdom', sender),
    ...senderRows('Chromium', chromium.sender),
  ]

  const dialRow = (run: DialRow, stat: 'p50' | 'p99') => [
    `Message to dial (jsdom, ${dial.tabs} tabs, ${run.mode}), ${stat}`,
    micros(run.bridge[stat]),
    "spec's hand-written listener",
    micros(run.spec[stat]),
    speed(run.bridge[stat], run.spec[stat]),
  ]
  rows.push(dialRow(dial, 'p50'), dialRow(dial, 'p99'), dialRow(dialDev, 'p50'))

  const c = {
    bare50: median(effect.toBare),
    bare99: percentile(effect.toBare, 99),
    dial50: median(effect.toDial),
    dial99: percentile(effect.toDial, 99),
    over50: median(effect.overhead),
    over99: percentile(effect.overhead, 99),
    back50: median(effect.back),
  }
  const stats = { p50: [c.dial50, c.bare50], p99: [c.dial99, c.bare99] }
  for (const [stat, [toDial, toBare]] of Object.entries(stats) as [string, number[]][]) {
    const label = `Frame postMessage to effect (Chromium), ${stat}`
    const [dialMs, bareMs] = [toDial!, toBare!]
    rows.push([
      label,
      `dial ${ms(dialMs)}`,
      'bare listener, same page',
      ms(bareMs),
      signedMs(dialMs - bareMs),
    ])
  }
  rows.push([
    'Overhead per message, dial − bare (Chromium), p50',
    ms(c.over50),
    'target',
    '≤ 0.100 ms',
    `p99 ${ms(c.over99)}`,
  ])

  rows.push(...memoryRows(chromium.memory))

  const core = results.sizes[0]
  for (const peer of results.compared) {
    if (!core) break
    const ratio = `${(core.size / peer.size).toFixed(2)}x`
    rows.push([
      'Size, core entry (min+gzip, production)',
      bytes(core.size),
      peer.name,
      bytes(peer.size),
      ratio,
    ])
  }

  const header = ['measure', 'ucp-crm-bridge', 'compared with', 'their figure', 'ratio']
  const legend =
    "Finding the sender: ours is registry.tabIdFor · the bridge's resolve path (registry, then the store)."
  const out = [legend, '', table(header, rows), '', 'Targets:']
  out.push(...growthTargets('jsdom', sender), ...growthTargets('Chromium', chromium.sender))
  const hundred = sender.find((row) => row.tabs === 100)
  for (const key of ['registry', 'resolve'] as const) {
    if (!hundred) break
    const gain = hundred.speedUp[key]!
    const detail = `jsdom, ${key}: at 100 tabs ${int(gain)}x faster than the spec's way (≥ 100x)`
    out.push(target(gain >= 100, detail, `${(100 / gain).toFixed(1)}x short`))
  }
  const overhead = `Chromium median overhead over the bare listener ${ms(c.over50)} (≤ 0.100 ms)`
  out.push(
    target(
      c.over50 <= 0.1,
      overhead,
      `over by ${ms(c.over50 - 0.1)} (${(c.over50 / 0.1).toFixed(1)}x)`,
    ),
  )
  for (const { name, size, sizeLimit: budget } of results.sizes) {
    if (budget === undefined) continue
    const detail = `${name} is ${bytes(size)} min+gzip, budget ${bytes(budget)}`
    out.push(target(size <= budget, detail, `over by ${bytes(size - budget)}`))
  }

  const spread = (rows: SenderRow[]) =>
    Math.max(...rows.flatMap((row) => Object.values(row.spread)))
  out.push('', 'Checks:')
  out.push(
    `- finding the sender: median of ${sender[0]?.rounds} rounds (jsdom: in each of ${results.senderRuns.length} processes, then their median); slowest / fastest round ≤ ${spread(sender).toFixed(1)} (jsdom), ≤ ${spread(chromium.sender).toFixed(1)} (Chromium)`,
  )
  const perRun = results.senderRuns.map((run) => run.find((row) => row.tabs === 1000))
  out.push(
    `- jsdom, 1000 tabs, per process: registry ${perRun.map((row) => micros(row?.registry ?? NaN)).join(', ')}; resolve ${perRun.map((row) => micros(row?.resolve ?? NaN)).join(', ')}`,
  )
  out.push(
    `- Chromium: ${int(effect.messages)} messages; frame → host p50 ${ms(c.bare50)}, host → frame p50 ${ms(c.back50)} (close: the two clocks agree)`,
  )
  out.push(
    `- Chromium pages cross-origin isolated (5 µs timer steps): ${effect.isolated ? 'yes' : 'NO: timers step by 100 µs'}`,
  )
  out.push(
    '',
    `Machine: ${machine.cpus} CPUs, ${machine.cpu}; Node ${machine.node}; Chromium ${chromium.version}; ${machine.os}; ${machine.date}`,
  )
  return out.join('\n')
}
