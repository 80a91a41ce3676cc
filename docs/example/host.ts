// The example UCP host page: the README's setup, a fake softphone, four CRM tabs and two frames
// that must not be obeyed. Bundled and served by docs/example/server.mjs (`npm start`).
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, crmTabOpened, selectCrmTabs } from 'ucp-crm-bridge'
// Beyond the README's imports:
import { createSlice } from '@reduxjs/toolkit'
import { selectActiveCrmTabId, selectCrmCalls } from 'ucp-crm-bridge'

// Stand-ins for what UCP already has: its own reducers, and a softphone.
const ucpReducers = {
  ucp: createSlice({ name: 'ucp', initialState: { agent: 'Demo agent' }, reducers: {} }).reducer,
}
const dialed: string[] = []
const softphone = {
  async dial(number: string): Promise<void> {
    dialed.push(number)
    render()
    await new Promise((resolve) => setTimeout(resolve, 50)) // connecting takes a moment
  },
}
interface Rejection {
  reason: string
  type?: string
  origin: string
  tabId?: string
}
const rejections: Rejection[] = []

// ---- The README's setup, as written there (plus the example's onRejected). ----
const crm = createCrmBridge({
  telephony: { dial: (destination) => softphone.dial(destination) }, // may return a promise
  onRejected: (rejection) => {
    rejections.push({ ...rejection })
    render()
  },
})
const store = configureStore({
  reducer: { ...ucpReducers, ...crmReducers }, // adds `crmTabs` and `crmCalls`
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
const stop = crm.start(store) // listens to window 'message' until stop()
// ---- end of the README's setup ----

// Origins come from the server; without it, guess the example's defaults.
const config = JSON.parse(document.getElementById('example-config')?.textContent ?? '{}') as {
  crmOrigin?: string
  foreignOrigin?: string
}
const crmOrigin = config.crmOrigin ?? `http://localhost:${location.port}`
const foreignOrigin = config.foreignOrigin ?? `http://localhost:${Number(location.port) + 1}`
const crmPage = (name: string, origin = crmOrigin) => `${origin}/crm.html?name=${name}`

const iframeParent = document.getElementById('iframe-parent') as HTMLElement
// Tab id -> the frame UCP rendered for it and the function that unregisters it.
const frames = new Map<string, { iframe: HTMLIFrameElement; unregister: () => void }>()
// Tab id -> where its frame really loads, when that is not the tab's URL (the spoofing tab).
const frameSource = new Map<string, string>()

function renderFrames(tabs: ReturnType<typeof selectCrmTabs>): void {
  for (const tab of tabs) {
    if (frames.has(tab.id)) continue
    const iframe = document.createElement('iframe')
    iframe.src = frameSource.get(tab.id) ?? tab.url
    iframe.title = tab.title
    iframe.dataset.crmTabId = tab.id
    iframeParent.append(iframe)
    // When UCP renders the tab's iframe:
    const unregister = crm.registry.register(tab.id, iframe)
    frames.set(tab.id, { iframe, unregister })
  }
  for (const [id, { iframe, unregister }] of frames) {
    if (tabs.some((tab) => tab.id === id)) continue
    unregister()
    iframe.remove()
    frames.delete(id)
  }
}

function listItems(list: string, items: string[]): void {
  document.getElementById(list)?.replaceChildren(
    ...items.map((text) => {
      const li = document.createElement('li')
      li.textContent = text
      return li
    }),
  )
}

function render(): void {
  const state = store.getState()
  const tabs = selectCrmTabs(state)
  const activeId = selectActiveCrmTabId(state)
  renderFrames(tabs)
  document.getElementById('tab-strip')?.replaceChildren(
    ...tabs.map((tab) => {
      const li = document.createElement('li')
      li.textContent = tab.title
      li.dataset.crmTabId = tab.id
      li.setAttribute('aria-current', String(tab.id === activeId))
      return li
    }),
  )
  const titleOf = (tabId: string | undefined) =>
    tabs.find((tab) => tab.id === tabId)?.title ?? tabId ?? '-'
  listItems(
    'calls',
    selectCrmCalls(state).map(
      (call) => `${call.destination} from ${titleOf(call.tabId)}: ${call.status}`,
    ),
  )
  listItems('dials', dialed)
  listItems(
    'rejections',
    rejections.map(
      (r) => `${r.reason}: ${r.type ?? '(no type)'} from ${r.origin} (tab ${titleOf(r.tabId)})`,
    ),
  )
}

// The tabs: two at the same URL, one more, and one whose frame really loads from another origin.
const open = (url: string, title: string) => store.dispatch(crmTabOpened({ url, title })).payload
const contact = open(crmPage('contact-42'), 'Contact 42')
const contactAgain = open(crmPage('contact-42'), 'Contact 42 (again)')
const deals = open(crmPage('deals'), 'Deals')
const spoofed = open(crmPage('spoofed'), 'Spoofed (frame on another origin)')
frameSource.set(spoofed.id, crmPage('spoofed', foreignOrigin))

store.subscribe(render)
render()

// A frame inside #iframe-parent that is not any tab's frame, at the URL of the Deals tab.
const stray = document.createElement('iframe')
stray.src = crmPage('deals')
stray.title = 'Not a CRM tab'
stray.dataset.role = 'unregistered'
iframeParent.append(stray)

/** What the end-to-end test reads: plain data only. */
function snapshot() {
  const state = store.getState()
  return {
    tabs: selectCrmTabs(state).map((tab) => ({ ...tab })),
    activeTabId: selectActiveCrmTabId(state),
    calls: selectCrmCalls(state).map((call) => ({ ...call })),
    dials: [...dialed],
    rejections: rejections.map((r) => ({ ...r })),
    frameTabIds: [...iframeParent.querySelectorAll('iframe')].map(
      (iframe) => iframe.dataset.crmTabId ?? `(${iframe.dataset.role ?? 'untagged'})`,
    ),
  }
}
export type ExampleSnapshot = ReturnType<typeof snapshot>

const e2e = {
  store,
  crm,
  stop,
  selectCrmTabs,
  selectCrmCalls,
  selectActiveCrmTabId,
  tabIds: {
    contact: contact.id,
    contactAgain: contactAgain.id,
    deals: deals.id,
    spoofed: spoofed.id,
  },
  snapshot,
}
declare global {
  interface Window {
    __e2e: typeof e2e
    __dials: string[]
  }
}
window.__e2e = e2e
window.__dials = dialed
