// The memory bench's UCP page, in two shapes that differ only in where the tabs live:
//   package  react-redux's Provider, CrmBridgeProvider, a tab strip rendering useCrmTabs(), and
//            CrmFrames; each tab's frame is a CRM page with the package's client, which asks for
//            its hello;
//   plain    the same shell holding its tabs in a useState list, its frames rendered by hand, and
//            the spec's hand-written listener; each frame is a CRM page without a client.
// The frames are on another site (another process, as a CRM is), so the page's heap holds what
// UCP holds per tab, not the CRM pages. The driver (./memory.ts) mounts one shape at a time, opens
// tabs, and waits until every frame said it is ready (BENCH_READY, after the client's hello).
import { configureStore } from '@reduxjs/toolkit'
import { useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { Provider, useDispatch } from 'react-redux'
import {
  createCrmBridge,
  crmReducers,
  crmTabActivated,
  crmTabClosed,
  crmTabOpened,
  selectCrmTabIds,
} from 'ucp-crm-bridge'
import { CrmBridgeProvider, CrmFrames, useActiveCrmTab, useCrmTabs } from 'ucp-crm-bridge/react'
import { createSpecListener, type SpecTab } from '../lib/spec.js'

export type HostShape = 'package' | 'plain'

declare global {
  interface Window {
    benchMemory?: {
      mount(shape: HostShape): Promise<void>
      /** Opens `count` more tabs; resolves once every frame of the host is ready. */
      open(count: number): Promise<void>
      /** Closes every tab; resolves once their frames are gone. */
      closeAll(): Promise<void>
      unmount(): void
    }
  }
}

const config = JSON.parse(document.getElementById('bench-config')!.textContent!) as {
  frameOrigin: string
}
/** Both shapes' tab URLs have the same length: the strings are part of what a tab costs. */
const tabUrl = (shape: HostShape, i: number) =>
  `${config.frameOrigin}/crm.html?client=${shape === 'package' ? 1 : 0}&tab=${i}`

interface StripProps {
  tabs: readonly { id: string; title: string }[]
  activeId: string | undefined
  activate(id: string): void
  close(id: string): void
}

/** UCP's tab strip, the same in both shapes: a tab button and a close button per tab. */
function TabStrip({ tabs, activeId, activate, close }: StripProps) {
  return (
    <nav role="tablist">
      {tabs.map((tab) => (
        <span key={tab.id}>
          <button role="tab" aria-selected={tab.id === activeId} onClick={() => activate(tab.id)}>
            {tab.title}
          </button>
          <button aria-label={`Close ${tab.title}`} onClick={() => close(tab.id)}>
            ×
          </button>
        </span>
      ))}
    </nav>
  )
}

function PackageShell() {
  const tabs = useCrmTabs()
  const active = useActiveCrmTab()
  const dispatch = useDispatch()
  return (
    <>
      <TabStrip
        tabs={tabs}
        activeId={active?.id}
        activate={(id) => dispatch(crmTabActivated({ id }))}
        close={(id) => dispatch(crmTabClosed({ id }))}
      />
      <CrmFrames />
    </>
  )
}

/** What the driver asks of a mounted host. */
interface Control {
  open(count: number): void
  closeAll(): void
}

function PlainShell({ expose }: { expose: (control: Control) => void }) {
  const [tabs, setTabs] = useState<SpecTab[]>([])
  const [activeId, setActiveId] = useState<string>()
  const current = useRef(tabs)
  current.current = tabs
  useEffect(() => {
    const close = (id: string) => setTabs((list) => list.filter((tab) => tab.id !== id))
    const listener = createSpecListener(document, () => current.current, {
      dial() {},
      closeTab: close,
    })
    addEventListener('message', listener)
    let opened = 0
    expose({
      open(count) {
        for (const end = opened + count; opened < end; opened++) {
          const i = opened
          const tab = { id: crypto.randomUUID(), url: tabUrl('plain', i), title: `Contact ${i}` }
          setTabs((list) => [...list, tab])
          setActiveId(tab.id)
        }
      },
      closeAll() {
        setTabs([])
        setActiveId(undefined)
      },
    })
    return () => removeEventListener('message', listener)
  }, [expose])
  return (
    <>
      <TabStrip
        tabs={tabs}
        activeId={activeId}
        activate={setActiveId}
        close={(id) => setTabs((list) => list.filter((tab) => tab.id !== id))}
      />
      <div id="iframe-parent">
        {tabs.map((tab) => (
          <iframe key={tab.id} src={tab.url} title={tab.title} hidden={tab.id !== activeId} />
        ))}
      </div>
    </>
  )
}

/** What the current mount holds: nothing of it stays reachable after `unmount`. */
let mounted: (Control & { element: HTMLElement; unmount(): void; ready: number }) | undefined
let waiting: { count: number; resolve(): void } | undefined

addEventListener('message', (event) => {
  if (event.data?.type !== 'BENCH_READY' || !mounted) return
  mounted.ready++
  if (waiting && mounted.ready >= waiting.count) waiting.resolve()
})

window.benchMemory = {
  mount(shape) {
    if (mounted) throw new Error('unmount first')
    const element = document.createElement('div')
    document.body.append(element)
    const root = createRoot(element)
    let exposed: (control: Control) => void = () => {}
    const shown = new Promise<void>((resolve) => {
      exposed = (control) => {
        const unmount = () => (root.unmount(), element.remove())
        mounted = { ...control, element, unmount, ready: 0 }
        resolve()
      }
    })
    if (shape === 'plain') {
      root.render(<PlainShell expose={exposed} />)
      return shown
    }
    const crm = createCrmBridge({ telephony: { dial() {} }, logger: false })
    const store = configureStore({
      reducer: crmReducers,
      middleware: (getDefault) => getDefault().prepend(crm.middleware),
    })
    let opened = 0
    const control: Control = {
      open(count) {
        for (const end = opened + count; opened < end; opened++) {
          const url = tabUrl('package', opened)
          store.dispatch(crmTabOpened({ url, title: `Contact ${opened}` }))
        }
      },
      closeAll() {
        for (const id of selectCrmTabIds(store.getState())) store.dispatch(crmTabClosed({ id }))
      },
    }
    root.render(
      <Provider store={store}>
        <CrmBridgeProvider bridge={crm}>
          <Mounted then={() => exposed(control)} />
          <PackageShell />
        </CrmBridgeProvider>
      </Provider>,
    )
    return shown
  },
  open(count) {
    const host = mounted!
    const done = new Promise<void>((resolve) => {
      waiting = { count: host.ready + count, resolve }
    })
    host.open(count)
    return done.finally(() => (waiting = undefined))
  },
  async closeAll() {
    const host = mounted!
    host.closeAll()
    while (host.element.querySelector('iframe')) await new Promise((r) => setTimeout(r, 10))
  },
  unmount() {
    mounted?.unmount()
    mounted = undefined
  },
}

/** Calls `then` once the tree above it has mounted (its effects, the bridge's start, have run). */
function Mounted({ then }: { then: () => void }) {
  useEffect(then, []) // once, on mount
  return null
}
