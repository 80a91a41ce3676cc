// The React entry, under Jest 29 and 30 (CommonJS, through ts-jest) and Vitest (ES modules).
import { act, createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { Provider } from 'react-redux'
import { crmTabOpened } from 'ucp-crm-bridge'
import { CrmBridgeProvider, CrmFrames } from 'ucp-crm-bridge/react'
import { bridgeAndStore } from './store'

test('CrmFrames renders an iframe per tab, registered with the bridge', async () => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  const { crm, store } = bridgeAndStore()
  const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/2' })).payload
  const container = document.body.appendChild(document.createElement('div'))
  const root = createRoot(container)
  const frames = createElement(CrmFrames)
  const provider = createElement(CrmBridgeProvider, { bridge: crm, children: frames })
  await act(async () => root.render(createElement(Provider, { store, children: provider })))
  const frame = container.querySelector('iframe')
  expect(frame?.getAttribute('data-crm-tab-id')).toBe(tab.id)
  expect(crm.registry.tabIdFor(frame!.contentWindow!)).toBe(tab.id)
  await act(async () => root.unmount())
  container.remove()
})
