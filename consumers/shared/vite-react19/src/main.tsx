// A UCP shell as the README sets it up, with every entry of the package.
import { configureStore } from '@reduxjs/toolkit'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Provider } from 'react-redux'
import { createCrmBridge, crmReducers, crmTabOpened, type CrmTab } from 'ucp-crm-bridge'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'
import { e164Destination } from 'ucp-crm-bridge/phone'
import { CrmBridgeProvider, CrmFrames, useCrmBridge, useCrmTabs } from 'ucp-crm-bridge/react'
// The script-tag client, for CRM pages with no bundler: Vite emits it as a file (never inlined, as
// a small asset would be) and gives its URL.
import crmClientScriptUrl from 'ucp-crm-bridge/client.global.js?url&no-inline'

const crm = createCrmBridge({
  telephony: { dial: (destination) => console.info('dial', destination) },
  normalizeDestination: e164Destination({ defaultCountry: 'US' }),
})
const store = configureStore({
  reducer: crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
store.dispatch(crmTabOpened({ url: 'https://crm.example.com/contacts/42', title: 'Contact 42' }))

function TabStrip() {
  const bridge = useCrmBridge()
  const tabs: CrmTab[] = useCrmTabs()
  return (
    <ul>
      {tabs.map((tab) => (
        <li key={tab.id}>
          {tab.title} <button onClick={() => store.dispatch(bridge.closeTab(tab.id))}>×</button>
        </li>
      ))}
    </ul>
  )
}

// The CRM page's side, as a page inside a tab would use it.
export const client: () => CrmClient = () => createCrmClient({ parentOrigin: location.origin })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <CrmBridgeProvider bridge={crm}>
        <TabStrip />
        <CrmFrames />
        <a href={crmClientScriptUrl}>The client for CRM pages</a>
      </CrmBridgeProvider>
    </Provider>
  </StrictMode>,
)
