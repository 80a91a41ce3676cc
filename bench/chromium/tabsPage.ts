// The bench's page with many tabs: for each count in `?tabs=1,10,100`, a tab strip of that many
// frames under its own container (`#iframe-parent-N`), and for `&popup=1000` a strip of 1000 in a
// same-origin popup (Chromium allows 1000 frames in a page). The popup runs on this page's thread,
// so that all counts are timed in the same rounds (../lib/sender.ts). Step by step for the
// driver's heap measures, it holds what the largest strip's tabs cost: with the bridge, in a bare
// registry, or in the spec's own list of tabs. The frames are about:blank#tab-i, each with its own
// window: 1000 cross-site frames take minutes to load in headless Chromium here, and finding a
// window among others does not depend on where it loads.
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabClosed, crmTabOpened } from 'ucp-crm-bridge'
import { createFrameRegistry } from '../../src/bridge/createFrameRegistry.js'
import { benchSender, type SenderRow, type TabFrames } from '../lib/sender.js'
import type { SpecTab } from '../lib/spec.js'

/** What one step holds; the next step releases it first. */
export type MemoryStep = 'bridge' | 'registry' | 'spec' | 'drop'

declare global {
  interface Window {
    benchTabs?: {
      readonly ready: boolean
      strips: TabFrames[]
      memoryTabs: number
      step(step: MemoryStep): void
      sender(): SenderRow[]
    }
  }
}

const query = new URLSearchParams(location.search)
const counts = (query.get('tabs') ?? '1').split(',').map(Number)
const strips: TabFrames[] = counts.map((count) => {
  const container = document.createElement('div')
  container.id = `iframe-parent-${count}`
  document.body.append(container)
  const frames = Array.from({ length: count }, (_, i) => {
    const iframe = document.createElement('iframe')
    iframe.src = `about:blank#tab-${i}`
    container.append(iframe)
    return iframe
  })
  return { view: window, frames, container: `#${container.id}` }
})
const popup = query.has('popup') ? window.open(`/tabs.html?tabs=${query.get('popup')}`) : null
const allStrips = () => [...strips, ...(popup?.benchTabs?.strips ?? [])]
const largest = () => allStrips().reduce((a, b) => (b.frames.length > a.frames.length ? b : a))

// The README's setup, started before any measure.
const crm = createCrmBridge({ telephony: { dial() {} }, logger: false })
const store = configureStore({
  reducer: crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
crm.start(store)

/** What the current step holds, and how to release it. */
interface Held {
  data?: unknown
  release?: () => void
}
let held: Held = {}
const steps: Record<Exclude<MemoryStep, 'drop'>, () => Held> = {
  bridge() {
    const frames = largest().frames
    const ids = frames.map((iframe, i) => {
      const url = `https://crm.example.com/tabs/${i}` // a tab URL is http(s); the frame is blank
      return store.dispatch(crmTabOpened({ url, title: `Tab ${i}` })).payload.id
    })
    const unregister = ids.map((id, i) => crm.registry.register(id, frames[i]!))
    const release = () => {
      for (const done of unregister) done()
      for (const id of ids) store.dispatch(crmTabClosed({ id }))
    }
    return { release }
  },
  registry() {
    const frames = largest().frames
    const registry = createFrameRegistry()
    const unregister = frames.map((iframe) => registry.register(crypto.randomUUID(), iframe))
    return { release: () => unregister.forEach((done) => done()) }
  },
  spec() {
    const data: SpecTab[] = largest().frames.map((iframe, i) => {
      return { id: crypto.randomUUID(), url: iframe.src, title: `Tab ${i}` }
    })
    return { data }
  },
}

window.benchTabs = {
  // about:blank frames have their window as soon as they are in the document
  get ready() {
    return popup === null || popup.benchTabs?.ready === true
  },
  strips,
  get memoryTabs() {
    return largest().frames.length
  },
  step(step) {
    held.release?.()
    held = step === 'drop' ? {} : steps[step]()
  },
  sender: () => benchSender(allStrips()),
}
