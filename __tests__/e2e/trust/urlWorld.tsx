// The world of the tab-URL case (issue 10 item 1): tab URLs that would run script, opened every way
// a host might (crmTabOpened, a recorded action, a restored tab), under React 18 or 19.
import { createRoot } from 'react-dom/client'
import { Provider } from 'react-redux'
import type { EnhancedStore } from '@reduxjs/toolkit'
import {
  crmTabOpened,
  type CrmBridge,
  type CrmBridgeOptions,
  type CrmRootState,
} from 'ucp-crm-bridge'
import { CrmBridgeProvider, CrmFrames, CrmTabFrame } from 'ucp-crm-bridge/react'
import { tabUrlAttempts } from './tabUrlAttempts'

/** What the world takes from the host page. */
export interface UrlWorldKit<S> {
  makeBridge(options?: Partial<CrmBridgeOptions>): CrmBridge
  makeStore(...bridges: CrmBridge[]): S
  attempt(step: () => void): void
}

export function urlWorld<S extends EnhancedStore<CrmRootState>>(kit: UrlWorldKit<S>) {
  const { makeBridge, makeStore, attempt } = kit
  const crm = makeBridge()
  const store = makeStore(crm)
  crm.start(store)
  const restored: { id: string; url: string; title: string }[] = []
  const attempts = tabUrlAttempts()
  const root = createRoot(document.getElementById('root')!)
  const render = () =>
    root.render(
      <Provider store={store}>
        <CrmBridgeProvider bridge={crm}>
          <CrmFrames id="react-frames" />
          {restored.map((tab) => (
            <CrmTabFrame key={tab.id} tab={tab} />
          ))}
        </CrmBridgeProvider>
      </Provider>,
    )
  render()
  const controls = (round: string) => {
    for (const { id, url } of attempts) {
      const control = document.createElement('iframe')
      control.src = url(`control-${round}-${id}`)
      document.getElementById('controls')!.append(control)
    }
  }
  const steps = {
    open() {
      for (const { id, url } of attempts) {
        // crmTabOpened, then a host that sets iframe.src = tab.url itself (the README's "Use").
        attempt(() => {
          const tab = store.dispatch(crmTabOpened({ url: url(`opened-${id}`) })).payload
          const frame = document.createElement('iframe')
          frame.src = tab.url
          document.getElementById('readme-host')!.append(frame)
        })
        // A recorded action, as Redux DevTools imports one, rendered by CrmFrames if it landed.
        store.dispatch({
          type: crmTabOpened.type,
          payload: {
            id: crypto.randomUUID(),
            url: url(`imported-${id}`),
            title: id,
            openedAt: 0,
          },
          meta: { activate: true },
        })
        // A tab restored from elsewhere (a persisted state), given to CrmTabFrame directly.
        restored.push({ id: `restored-${id}`, url: url(`restored-${id}`), title: id })
      }
      render()
      controls('first')
    },
    // A second round of controls: by the time it has run, so would have the attempts before it.
    lateControls: () => controls('late'),
  }
  return { store, crm, steps }
}
