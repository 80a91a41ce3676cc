import { configureStore } from '@reduxjs/toolkit'
import { render, type RenderResult } from '@testing-library/react'
import { StrictMode, type ReactNode } from 'react'
import { Provider } from 'react-redux'
import { vi } from 'vitest'
import { createCrmBridge, crmReducers, crmTabOpened, type CrmTab } from 'ucp-crm-bridge'
import { CrmBridgeProvider } from 'ucp-crm-bridge/react'

export const CRM_URL = 'https://crm.example.com/contacts/42'
export const CRM_ORIGIN = 'https://crm.example.com'

/**
 * A real store (RTK's default middleware on, so the serializable and immutable checks run) with the
 * bridge's middleware, and a `render` that wraps the UI in react-redux's Provider and the bridge's.
 */
export function setupReactBridge({ strict = false } = {}) {
  const dial = vi.fn<(destination: string) => unknown>()
  const onRejected = vi.fn()
  const crm = createCrmBridge({ telephony: { dial }, onRejected, logger: false })
  const store = configureStore({
    reducer: { ...crmReducers },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  const wrap = (ui: ReactNode) => {
    const tree = (
      <Provider store={store}>
        <CrmBridgeProvider bridge={crm}>{ui}</CrmBridgeProvider>
      </Provider>
    )
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
  let result: RenderResult | undefined

  return {
    crm,
    store,
    dial,
    onRejected,
    renderUi(ui: ReactNode): RenderResult {
      result = render(wrap(ui))
      return result
    },
    rerenderUi(ui: ReactNode): void {
      result!.rerender(wrap(ui))
    },
    openTab(url = CRM_URL, title = 'Contact 42'): CrmTab {
      return store.dispatch(crmTabOpened({ url, title })).payload
    },
    /** Delivers a message as the browser would after `frame`'s window posted it from `origin`. */
    post(data: unknown, frame: HTMLIFrameElement | null, origin = CRM_ORIGIN): void {
      const source = frame?.contentWindow ?? null
      window.dispatchEvent(new MessageEvent('message', { data, origin, source }))
    },
    tabIds: () => store.getState().crmTabs.ids,
  }
}

/** The iframe rendered for a tab, found by its `data-crm-tab-id`. */
export function frameOf(tabId: string): HTMLIFrameElement | null {
  return document.querySelector(`iframe[data-crm-tab-id="${tabId}"]`)
}
