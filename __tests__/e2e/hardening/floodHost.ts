// The host page of the flood and hostile-sender runs, bundled by floodServer.mjs. One CRM tab whose
// iframe loads crm.html from another origin. `?mode=bridge` starts ucp-crm-bridge; `?mode=bare`
// installs only a bare `message` listener, the baseline the bridge's cost is measured against.
// Two listeners bracket whichever runs, to time it per message on this page.
import { configureStore } from '@reduxjs/toolkit'
import {
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  selectCrmCalls,
  type CrmRejection,
} from 'ucp-crm-bridge'

const params = new URLSearchParams(location.search)
const mode = params.get('mode') === 'bare' ? 'bare' : 'bridge'
const crmOrigin = params.get('crm') ?? ''

const timing = { messages: 0, total: 0, longest: 0, first: 0, last: 0 }
let startedAt = 0
let removeFrameOnNextMessage = false
// Chromium calls a window's listeners in the order they were added, capturing or not: this one
// runs before the bridge's.
window.addEventListener('message', () => {
  startedAt = performance.now()
  if (timing.messages === 0) timing.first = startedAt
  if (removeFrameOnNextMessage) {
    removeFrameOnNextMessage = false
    frame.remove()
  }
})

const dials: string[] = []
const rejections: CrmRejection[] = []
const longTasks: { start: number; duration: number }[] = []
new PerformanceObserver((list) => {
  for (const { startTime, duration } of list.getEntries()) {
    longTasks.push({ start: startTime, duration })
  }
}).observe({ type: 'longtask', buffered: true })

const crm = createCrmBridge({
  telephony: { dial: (destination) => void dials.push(destination) },
  onRejected: (rejection) => void rejections.push(rejection),
  logger: false,
})
const store = configureStore({
  reducer: crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
let bareSeen = 0
if (mode === 'bridge') crm.start(store)
else {
  window.addEventListener('message', (event: MessageEvent) => {
    // What any page's own listener does at the least: look at the data's type.
    if ((event.data as { type?: unknown } | null)?.type === 'MAKE_CALL') bareSeen++
  })
}

const samples: number[] = []
window.addEventListener('message', () => {
  const now = performance.now()
  const spent = now - startedAt
  samples.push(spent)
  timing.messages++
  timing.total += spent
  timing.longest = Math.max(timing.longest, spent)
  timing.last = now
})

const tab = store.dispatch(crmTabOpened({ url: `${crmOrigin}/crm.html` })).payload
const frame = document.createElement('iframe')
frame.src = tab.url
document.getElementById('iframe-parent')!.append(frame)
crm.registry.register(tab.id, frame)

/** What the flood driver reads back; plain data. */
export interface FloodSnapshot {
  mode: 'bridge' | 'bare'
  crossOriginIsolated: boolean
  tabIds: string[]
  dials: string[]
  calls: { destination: string; status: string }[]
  stats: ReturnType<typeof crm.getStats>
  rejections: CrmRejection[]
  bareSeen: number
  timing: typeof timing
  /** Tasks of 50 ms or more (the Long Tasks API), since the page loaded. */
  longTasks: { start: number; duration: number }[]
}

declare global {
  interface Window {
    __flood: {
      snapshot(): FloodSnapshot
      /** The time each message spent in the listeners between the two brackets, in ms. */
      samples(): number[]
      /** Removes the tab's iframe when its next message arrives, before the bridge sees it. */
      /**
       * Dispatches `count` synthetic MAKE_CALL events as if the tab's frame sent them, in one
       * loop; returns the ms it took. Without IPC and task switches in between, it times the
       * listeners alone.
       */
      dispatchLoop(count: number): number
      removeFrameOnNextMessage(): void
      openPopup(url: string): void
    }
  }
}

window.__flood = {
  snapshot: () => ({
    mode,
    crossOriginIsolated: window.crossOriginIsolated,
    tabIds: store.getState().crmTabs.ids,
    dials: [...dials],
    calls: selectCrmCalls(store.getState()).map(({ destination, status }) => ({
      destination,
      status,
    })),
    stats: crm.getStats(),
    rejections: [...rejections],
    bareSeen,
    timing: { ...timing },
    longTasks: [...longTasks],
  }),
  samples: () => [...samples],
  dispatchLoop(count) {
    const init = {
      data: { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } },
      origin: crmOrigin,
      source: frame.contentWindow,
    }
    const start = performance.now()
    for (let i = 0; i < count; i++) window.dispatchEvent(new MessageEvent('message', init))
    return performance.now() - start
  },
  removeFrameOnNextMessage() {
    removeFrameOnNextMessage = true
  },
  openPopup(url) {
    window.open(url, 'crm-popup')
  },
}
document.body.dataset.ready = 'true'
