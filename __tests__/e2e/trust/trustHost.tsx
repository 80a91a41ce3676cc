// The host page of the trust-at-the-edges runs: a UCP page set up as one case (`?case=`) needs,
// with real cross-origin CRM frames (the relay page of trustServer.mjs). The test drives it through
// `window.__trust` and reads back plain data; every step is synchronous, the test polls for results.
import { configureStore } from '@reduxjs/toolkit'
import { version as reactVersion } from 'react'
import {
  CrmBridgeError,
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  type CrmBridge,
  type CrmBridgeOptions,
  type CrmCloseCheck,
  type CrmRejection,
} from 'ucp-crm-bridge'
import { recordActions, recordedSession } from './actionRecorder'
import { callWorlds } from './callWorlds'
import { SLOW_MACHINE_CHECKS, clientWorlds } from './clientWorlds'
import { urlWorld } from './urlWorld'

const params = new URLSearchParams(location.search)
const origins = JSON.parse(params.get('origins') ?? '{}') as Record<string, string>
const crmPage = (name: string, origin = origins.crm) => `${origin}/crm.html?name=${name}`

/** What the test reads back. */
const seen = {
  dials: [] as string[],
  rejections: [] as CrmRejection[],
  closeChecks: [] as Omit<CrmCloseCheck, 'target' | 'sender'>[],
  /** What UCP posted to each frame, as its relay page told: `${frame}: ${type} ${requestId} ${code}`. */
  received: [] as string[],
  /** Codes of the CrmBridgeErrors the package threw at this page's own calls. */
  thrown: [] as string[],
  /** What the client page told (clientPage.ts): `${name}: ${what}`. */
  client: [] as string[],
  /** The `load` of each frame's relay page, counted by frame. */
  ready: {} as Record<string, number>,
  markers: [] as unknown[],
  /** Ids of the script URLs that ran. */
  ran: [] as string[],
  /** What this page's console was given, and its uncaught errors (WebKit's driver reads no console). */
  console: { errors: [] as string[], warnings: [] as string[] },
}
for (const level of ['error', 'warn'] as const) {
  const write = console[level].bind(console)
  console[level] = (...args: unknown[]) => {
    seen.console[level === 'error' ? 'errors' : 'warnings'].push(args.map(String).join(' '))
    write(...args)
  }
}
window.addEventListener('error', (event) => seen.console.errors.push(String(event.message)))
window.addEventListener('unhandledrejection', (event) =>
  seen.console.errors.push(String(event.reason)),
)
const frames: Record<string, HTMLIFrameElement> = {}
const tabIds: Record<string, string> = {}

const keyOf = (source: unknown) =>
  Object.keys(frames).find((key) => frames[key]!.contentWindow === source) ?? '?'
window.addEventListener('message', (event) => {
  const data = (event.data ?? {}) as Record<string, unknown>
  if ('e2eRan' in data) seen.ran.push(String(data.e2eRan))
  else if ('e2eMarker' in data) seen.markers.push(data.e2eMarker)
  else if ('e2eClient' in data) seen.client.push(String(data.e2eClient))
  else if ('e2eReady' in data) {
    const key = keyOf(event.source)
    seen.ready[key] = (seen.ready[key] ?? 0) + 1
  } else if ('e2eReceived' in data) {
    const got = data.e2eReceived as { type: string; requestId?: string; error?: { code: string } }
    if (got.type.endsWith('_RESULT')) {
      const outcome = got.error?.code ?? 'ok'
      seen.received.push(`${keyOf(event.source)}: ${got.type} ${got.requestId} ${outcome}`)
    }
  }
})

function attempt(step: () => void): void {
  try {
    step()
  } catch (error) {
    if (!(error instanceof CrmBridgeError)) throw error
    seen.thrown.push(error.code)
  }
}

function makeBridge(options: Partial<CrmBridgeOptions> = {}) {
  return createCrmBridge({
    telephony: { dial: (destination) => void seen.dials.push(destination) },
    onRejected: (rejection) => void seen.rejections.push(rejection),
    canClose: ({ target: _target, sender: _sender, ...check }) => {
      seen.closeChecks.push(check)
      return check.allowedByDefault
    },
    logger: false,
    ...options,
  })
}

function makeStore(...bridges: CrmBridge[]) {
  return configureStore({
    reducer: crmReducers,
    middleware: (getDefault) =>
      getDefault(SLOW_MACHINE_CHECKS)
        .prepend(...bridges.map((crm) => crm.middleware))
        .concat(recordActions),
  })
}
type Store = ReturnType<typeof makeStore>

/** Opens a tab and renders its frame under #iframe-parent as the README does, registered or not. */
function openFramedTab(store: Store, crm: CrmBridge, key: string, url: string, how = {}) {
  const {
    register = true,
    named = false,
    sandbox,
  } = how as {
    register?: boolean
    named?: boolean
    sandbox?: string
  }
  const tab = store.dispatch(crmTabOpened({ url, title: key })).payload
  const frame = document.createElement('iframe')
  if (sandbox !== undefined) frame.setAttribute('sandbox', sandbox)
  if (named) frame.setAttribute('data-crm-tab-id', tab.id)
  frame.src = tab.url
  frames[key] = frame
  tabIds[key] = tab.id
  document.getElementById('iframe-parent')!.append(frame)
  if (register) crm.registry.register(tab.id, frame)
}

type World = { store: Store; crm: CrmBridge; steps?: Record<string, () => void> }

/** The worlds of the cases, each as issue 10 describes its item. */
const cases: Record<string, () => World> = {
  // Item 1: tab URLs that would run script, opened every way a host might, under React 18 or 19.
  urls: () => urlWorld({ makeBridge, makeStore, attempt }),
}

// The cases of items 2, 3, 5, 7 and 9, each a UCP wired slightly differently.
Object.assign(cases, {
  twoBridges() {
    const crm = makeBridge()
    const second = makeBridge()
    const store = makeStore(crm, second)
    crm.start(store)
    attempt(() => second.start(store))
    openFramedTab(store, crm, 'contact', crmPage('contact'))
    return { store, crm }
  },
  closeRule() {
    const crm = makeBridge({ allowedOrigins: [origins.elsewhere!] })
    const store = makeStore(crm)
    crm.start(store)
    openFramedTab(store, crm, 'a', crmPage('a'))
    openFramedTab(store, crm, 'b', crmPage('b'))
    return { store, crm }
  },
  destroyed() {
    const crm = makeBridge()
    const store = makeStore(crm)
    crm.start(store)
    openFramedTab(store, crm, 'contact', crmPage('contact'))
    const steps = {
      destroyAndStart() {
        crm.destroy()
        attempt(() => crm.start(store))
      },
    }
    return { store, crm, steps }
  },
  sandboxed() {
    const crm = makeBridge({ allowedOrigins: (origin) => origin === 'null' })
    const store = makeStore(crm)
    crm.start(store)
    openFramedTab(store, crm, 'sandboxed', crmPage('sandboxed'), { sandbox: 'allow-scripts' })
    return { store, crm }
  },
  fallback() {
    const crm = makeBridge()
    const store = makeStore(crm)
    crm.start(store)
    openFramedTab(store, crm, 'a', crmPage('a'), { register: false })
    openFramedTab(store, crm, 'b', crmPage('b'), { register: false })
    openFramedTab(store, crm, 'c', crmPage('c'), { register: false, named: true })
    openFramedTab(store, crm, 'd', crmPage('d'), { register: false })
    return { store, crm }
  },
})

// The client's cases (issue 17 item 7, issue 21 item 1): clientWorlds.ts.
Object.assign(
  cases,
  clientWorlds({ origins, seen, frames, tabIds, makeBridge, makeStore, openFramedTab }),
  // Call progress and UCP's own message types (issues 18 and 19): callWorlds.ts.
  callWorlds({ origins, frames, tabIds, makeBridge, makeStore, openFramedTab }),
)

const world = cases[params.get('case') ?? '']!()

declare global {
  interface Window {
    __trust: typeof trust
  }
}

const trust = {
  react: reactVersion,
  snapshot: () =>
    JSON.parse(
      JSON.stringify({
        ...seen,
        tabs: Object.fromEntries(
          Object.entries(tabIds).filter(([, id]) =>
            world.store.getState().crmTabs.ids.includes(id),
          ),
        ),
        openTabs: world.store.getState().crmTabs.ids.length,
        stats: world.crm.getStats(),
        srcs: [...document.querySelectorAll('#root iframe')].map((frame) =>
          frame.getAttribute('src'),
        ),
      }),
    ) as typeof seen & {
      tabs: Record<string, string>
      openTabs: number
      stats: ReturnType<CrmBridge['getStats']>
      srcs: (string | null)[]
    },
  tabId: (key: string) => tabIds[key]!,
  /** Has the frame's page post `message` to UCP, then a marker that says it was handled. */
  send(key: string, message: unknown, marker?: unknown) {
    frames[key]!.contentWindow!.postMessage({ e2eSend: message }, '*')
    if (marker !== undefined)
      frames[key]!.contentWindow!.postMessage({ e2eSend: { e2eMarker: marker } }, '*')
  },
  navigate: (key: string, url: string) =>
    frames[key]!.contentWindow!.postMessage({ e2eNavigate: url }, '*'),
  repoint: (key: string, url: string) => frames[key]!.setAttribute('src', url),
  remove: (key: string) => frames[key]!.remove(),
  step: (name: string) => world.steps![name]!(),
  session: () => recordedSession(world.store.getState()),
}
window.__trust = trust
document.body.dataset.ready = 'true'
