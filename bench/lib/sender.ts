// Finding the sender's tab, for the jsdom and the Chromium bench alike:
//   registry  crm.registry.tabIdFor(event.source), the package's public look-up;
//   resolve   the bridge's real resolve path (registry, then the tab in the store's state);
//   spec      the spec's scan of '#iframe-parent iframe', then the tab by URL (./spec.ts);
//   floor     a bare WeakMap.get(event.source): the least any look-up by window can cost.
// Every method at every tab count runs in the same rounds (see `compare`), so the ratios between
// them hold even when the machine is busy. Every timed call is checked against the tab that really
// sent, so a wrong answer fails the bench.
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { ratioOf, spreadOf, type PartResult, type Row, type Target } from './figures.js'
import { resolveSenderTabId } from './internals.js'
import { specFindTab, type SpecTab } from './spec.js'
import { compare, type Method } from './stats.js'
import { withSpread } from './table.js'

const KINDS = ['registry', 'resolve', 'spec', 'floor'] as const
type Kind = (typeof KINDS)[number]

/** The messages come from this many tabs, spread over the strip (see `workingSet`). */
export const SENDING_TABS = 10

/** One run of the sender bench: per method `kind@tabs`, its µs per call in each round. */
export interface SenderRun {
  tabs: number[]
  samples: Record<string, number[]>
}

/** The tab frames of one UCP page: under `container` (the spec's `#iframe-parent`) of `view`. */
export interface TabFrames {
  view: Window
  frames: HTMLIFrameElement[]
  container?: string
}

/**
 * The tabs that send, in the order they send: up to SENDING_TABS of them, evenly spread over the
 * strip. An agent works in a few tabs while the others wait in the background; cycling through all
 * 1000 windows instead would time the CPU's cache misses on 1000 windows, not the look-up.
 */
export function workingSet(tabs: number): number[] {
  const size = Math.min(tabs, SENDING_TABS)
  return Array.from({ length: size }, (_, k) => Math.floor(((k + 0.5) * tabs) / size))
}

/** A method that looks up the senders in turn, round and round, and counts wrong answers. */
function lookUp(
  name: string,
  sources: Window[],
  expected: string[],
  find: (source: Window) => string | undefined,
): Method {
  let cursor = 0
  // Each sender once before anything is timed: the registry learns a window from its first
  // message (a look-up through its frames), which the calibration would take for the usual cost.
  for (const source of sources) find(source)
  return {
    name,
    run(count) {
      let wrong = 0
      for (let k = 0; k < count; k++) {
        if (find(sources[cursor]!) !== expected[cursor]) wrong++
        cursor = cursor + 1 === sources.length ? 0 : cursor + 1
      }
      if (wrong > 0) throw new Error(`${name} found the wrong tab ${wrong} times in ${count}`)
      return count
    },
  }
}

/** The methods for one page, one tab per frame, named `kind@tabs`. */
function methodsFor({ view, frames, container = '#iframe-parent' }: TabFrames): Method[] {
  const store = configureStore({ reducer: crmReducers })
  // A bridge that is never started: only its registry is used, as a host's own code would.
  const { registry } = createCrmBridge({ telephony: { dial() {} }, logger: false })
  const specTabs: SpecTab[] = []
  const ids = frames.map((frame, i) => {
    // A tab URL is http(s); the frames may be about:blank ones. The spec's scan matches frame URLs.
    const url = `https://crm.example.com/tabs/${i}`
    const tab = store.dispatch(crmTabOpened({ url, title: `Tab ${i}` })).payload
    registry.register(tab.id, frame)
    specTabs.push({ id: tab.id, url: frame.src, title: tab.title })
    return tab.id
  })
  const senders = workingSet(frames.length)
  const sources = senders.map((i) => frames[i]!.contentWindow!)
  const expected = senders.map((i) => ids[i]!)
  const floor = new WeakMap<Window, string>(sources.map((source, i) => [source, expected[i]!]))
  const document = view.document
  const find: Record<Kind, (source: Window) => string | undefined> = {
    registry: (source) => registry.tabIdFor(source),
    resolve: (source) => resolveSenderTabId(source, store.getState(), registry, view, container),
    spec: (source) => specFindTab(document, source, specTabs, `${container} iframe`)?.id,
    floor: (source) => floor.get(source),
  }
  return KINDS.map((kind) => lookUp(`${kind}@${frames.length}`, sources, expected, find[kind]))
}

/** Times every kind on every page side by side, in the same rounds. */
export function benchSender(pages: TabFrames[]): SenderRun {
  const { samples } = compare(pages.flatMap(methodsFor))
  return { tabs: pages.map((page) => page.frames.length), samples }
}

/** Runs (processes) pooled: round r of each run keeps its pairing, the rounds are put end to end. */
function pool(runs: SenderRun[]): Record<string, number[]> {
  const pooled: Record<string, number[]> = {}
  for (const run of runs) {
    for (const [name, values] of Object.entries(run.samples)) {
      pooled[name] = [...(pooled[name] ?? []), ...values]
    }
  }
  return pooled
}

const SPEC_SCAN = "spec: scan '#iframe-parent iframe', then URL"
const WHO = { registry: 'crm.registry.tabIdFor', resolve: "the bridge's resolve path" }
const plural = (n: number) => `${n.toLocaleString('en-US')} tab${n === 1 ? '' : 's'}`

/**
 * The rows and targets of finding the sender in one engine (`where`): at each tab count, ours
 * against the spec's scan; at 100 tabs, ≥ 100x faster (jsdom); from 1 to 1000 tabs, growth at most
 * 1.5x that of a bare WeakMap.get over the same range, in the same rounds.
 */
export function senderResult(where: string, runs: SenderRun[]): PartResult {
  const samples = pool(runs)
  const of = (kind: Kind, tabs: number) => samples[`${kind}@${tabs}`]!
  const rows: Row[] = []
  const targets: Target[] = []
  for (const tabs of runs[0]!.tabs) {
    for (const kind of ['registry', 'resolve'] as const) {
      const speedUp = ratioOf(of('spec', tabs), of(kind, tabs))
      rows.push({
        id: `sender.${where}.${tabs}.${kind}`,
        measure: `Finding the sender, ${plural(tabs)} (${where}): ${WHO[kind]}`,
        unit: 'µs',
        ours: spreadOf(of(kind, tabs)),
        against: SPEC_SCAN,
        theirs: spreadOf(of('spec', tabs)),
        ratio: speedUp,
        reads: 'faster',
      })
      if (tabs === 100 && where === 'jsdom') {
        targets.push({
          id: `sender.${where}.100.${kind}.speedUp`,
          text: `At 100 tabs, ${WHO[kind]} is ≥ 100x faster than the spec's scan (${where})`,
          unit: 'x',
          figure: speedUp,
          better: 'higher',
          limit: 100,
        })
      }
    }
  }
  const last = Math.max(...runs[0]!.tabs)
  const growth = (kind: Kind) => of(kind, last).map((value, r) => value / of(kind, 1)[r]!)
  const floor = growth('floor')
  for (const kind of ['registry', 'resolve'] as const) {
    targets.push({
      id: `sender.${where}.growth.${kind}`,
      text:
        `${WHO[kind]}: its growth from 1 to ${plural(last)} over that of a bare ` +
        `WeakMap.get(event.source), ${SENDING_TABS} tabs sending (${where}) ≤ 1.5x`,
      unit: 'x',
      figure: ratioOf(growth(kind), floor),
      better: 'lower',
      limit: 1.5,
    })
  }
  const rounds = samples[`floor@1`]!.length
  const checks = [
    `finding the sender (${where}): ${rounds} rounds` +
      (runs.length > 1 ? ` (${runs.length} processes of ${rounds / runs.length})` : '') +
      `; a bare WeakMap.get grows ${withSpread(spreadOf(floor), 'x')} from 1 to ${plural(last)}`,
  ]
  return { rows, targets, checks }
}
