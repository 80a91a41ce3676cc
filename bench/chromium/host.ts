// The bench's UCP page: the README's setup (production build), tabs whose frames are on another
// site, and two timestamps per MAKE_CALL on one clock: when a bare `message` listener, added before
// the bridge, sees it (the floor: what any listener on this page pays), and when the bridge calls
// telephony.dial. Each dial is acknowledged to its frame once this page's task is over.
// `statusCalls` times call status events from the host's action to the frame's post (status.ts).
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { GUARDS_OFF } from '../lib/guards.js'
import { timeStatusCalls, type StatusTimes } from './statusCalls.js'

export interface HostTimes {
  bare: number[]
  dials: number[]
  acks: number[]
}

declare global {
  interface Window {
    bench?: {
      ready: boolean
      isolated: boolean
      take: () => HostTimes
      statusCalls: (first: number, count: number) => Promise<StatusTimes>
    }
  }
}

const now = () => performance.timeOrigin + performance.now()
const config = JSON.parse(document.getElementById('bench-config')!.textContent!) as {
  frameOrigin: string
  tabs: number
}
const times: HostTimes = { bare: [], dials: [], acks: [] }
// While status events are timed, their calls' MAKE_CALLs stay out of the times above.
let timingStatus = false

addEventListener('message', (event) => {
  if (event.data?.type === 'MAKE_CALL' && !timingStatus) times.bare.push(now())
})

const crm = createCrmBridge({
  telephony: {
    dial(_destination, { tabId }) {
      if (timingStatus) return
      times.dials.push(now())
      setTimeout(() => {
        times.acks.push(now())
        crm.registry.frameFor(tabId)?.contentWindow?.postMessage({ type: 'BENCH_ACK' }, '*')
      })
    },
  },
  ...GUARDS_OFF,
  logger: false,
})
const store = configureStore({
  reducer: crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
crm.start(store)

const container = document.getElementById('iframe-parent')!
const iframes: HTMLIFrameElement[] = []
let loaded = 0
for (let i = 0; i < config.tabs; i++) {
  const url = `${config.frameOrigin}/frame.html?tab=${i}`
  const tab = store.dispatch(crmTabOpened({ url, title: `CRM ${i}` })).payload
  const iframe = document.createElement('iframe')
  iframe.src = url
  iframe.allow = 'cross-origin-isolated'
  iframe.addEventListener('load', () => void loaded++, { once: true })
  container.append(iframe)
  iframes.push(iframe)
  crm.registry.register(tab.id, iframe)
}

window.bench = {
  get ready() {
    return loaded === config.tabs
  },
  isolated: crossOriginIsolated,
  take() {
    const taken = {
      bare: times.bare.splice(0),
      dials: times.dials.splice(0),
      acks: times.acks.splice(0),
    }
    return taken
  },
  async statusCalls(first, count) {
    timingStatus = true
    try {
      return await timeStatusCalls(
        { store, iframes, frameOrigin: config.frameOrigin },
        first,
        count,
      )
    } finally {
      timingStatus = false
    }
  },
}
