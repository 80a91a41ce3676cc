// Finding the sender's tab, for the jsdom and the Chromium bench alike:
//   registry  createFrameRegistry().tabIdFor(event.source), the package's public look-up;
//   resolve   the bridge's real resolve path (registry, then the tab in the store's state);
//   spec      the spec's scan of '#iframe-parent iframe', then the tab by URL (./spec.ts);
//   floor     a bare WeakMap.get(event.source): the least any look-up by window can cost.
// Every method at every tab count runs in the same rounds (see `compare`), so the ratios between
// them hold even when the machine is busy. Every timed call is checked against the tab that really
// sent, so a wrong answer fails the bench.
import { configureStore } from '@reduxjs/toolkit'
import { crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { createFrameRegistry } from '../../src/bridge/createFrameRegistry.js'
import { resolveSender } from '../../src/bridge/resolveSender.js'
import { specFindTab, type SpecTab } from './spec.js'
import { compare, median, medianRatio, spreadOrder, type Method } from './stats.js'

const KINDS = ['registry', 'resolve', 'spec', 'floor'] as const
type Kind = (typeof KINDS)[number]

export interface SenderRow extends Record<Kind, number> {
  tabs: number
  rounds: number
  /** Per kind: median over rounds of its time here over its time at 1 tab, in the same round. */
  growth: Partial<Record<Kind, number>>
  /** Per kind: median over rounds of the spec's time over its time, in the same round. */
  speedUp: Partial<Record<Kind, number>>
  /** Slowest round over fastest round, per kind: how steady the figure is. */
  spread: Partial<Record<Kind, number>>
}

/** A method that looks up the senders in turn, round and round, and counts wrong answers. */
function lookUp(
  name: string,
  sources: Window[],
  expected: string[],
  find: (source: Window) => string | undefined,
): Method {
  let cursor = 0
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

/** The tab frames of one UCP page: under `container` (the spec's `#iframe-parent`) of `view`. */
export interface TabFrames {
  view: Window
  frames: HTMLIFrameElement[]
  container?: string
}

/** The methods for one page, one tab per frame, named `kind@tabs`. */
function methodsFor({ view, frames, container = '#iframe-parent' }: TabFrames): Method[] {
  const store = configureStore({ reducer: crmReducers })
  const registry = createFrameRegistry()
  const specTabs: SpecTab[] = []
  const ids = frames.map((frame, i) => {
    // A tab URL is http(s); the frames may be about:blank ones. The spec's scan matches frame URLs.
    const url = `https://crm.example.com/tabs/${i}`
    const tab = store.dispatch(crmTabOpened({ url, title: `Tab ${i}` })).payload
    registry.register(tab.id, frame)
    specTabs.push({ id: tab.id, url: frame.src, title: tab.title })
    return tab.id
  })
  // Senders in an order where any short run meets tabs from the whole list.
  const order = spreadOrder(frames.length)
  const sources = order.map((i) => frames[i]!.contentWindow!)
  const expected = order.map((i) => ids[i]!)
  const floor = new WeakMap<Window, string>(sources.map((source, i) => [source, expected[i]!]))
  const document = view.document
  const find: Record<Kind, (source: Window) => string | undefined> = {
    registry: (source) => registry.tabIdFor(source),
    resolve: (source) => {
      const sender = resolveSender(source, store.getState(), registry, view, container)
      return sender.ok ? sender.tab.id : undefined
    },
    spec: (source) => specFindTab(document, source, specTabs, `${container} iframe`)?.id,
    floor: (source) => floor.get(source),
  }
  return KINDS.map((kind) => lookUp(`${kind}@${frames.length}`, sources, expected, find[kind]))
}

/** Times every kind on every page side by side; one row per page, in the pages' order. */
export function benchSender(pages: TabFrames[]): SenderRow[] {
  const { samples, rounds } = compare(pages.flatMap(methodsFor))
  const of = (kind: Kind, tabs: number) => samples[`${kind}@${tabs}`]!
  return pages.map(({ frames }) => {
    const tabs = frames.length
    const row = { tabs, rounds, growth: {}, speedUp: {}, spread: {} } as SenderRow
    for (const kind of KINDS) {
      const times = of(kind, tabs)
      row[kind] = median(times)
      row.spread[kind] = Math.max(...times) / Math.min(...times)
      if (samples[`${kind}@1`]) row.growth[kind] = medianRatio(times, of(kind, 1))
      if (kind !== 'spec') row.speedUp[kind] = medianRatio(of('spec', tabs), times)
    }
    return row
  })
}

/** Rows of several runs (processes) merged: the median of each figure, the largest spread. */
export function mergeSenderRuns(runs: SenderRow[][]): SenderRow[] {
  return runs[0]!.map((first, i) => {
    const rows = runs.map((run) => run[i]!)
    const mid = (pick: (row: SenderRow) => number | undefined) => {
      const values = rows.map(pick).filter((value): value is number => value !== undefined)
      return values.length > 0 ? median(values) : undefined
    }
    const merged = { ...first, growth: {}, speedUp: {}, spread: {} } as SenderRow
    for (const kind of KINDS) {
      merged[kind] = mid((row) => row[kind])!
      merged.growth[kind] = mid((row) => row.growth[kind])
      merged.speedUp[kind] = mid((row) => row.speedUp[kind])
      merged.spread[kind] = Math.max(...rows.map((row) => row.spread[kind] ?? 1))
    }
    return merged
  })
}
