import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Provider } from 'react-redux'
import { CrmBridgeProvider } from 'ucp-crm-bridge/react'
import { App } from './App'
import { createDemoStore } from './createDemoStore'
import { readDemoConfig } from './demoConfig'
import { openInitialTabs, sampleTabs } from './sampleTabs'
import { runQuietTour } from './quietTour'
import { exposeForTests, recordErrors } from './testHooks'

recordErrors()
const config = readDemoConfig()
const { crm, store, softphone } = createDemoStore(config)
const samples = sampleTabs(config)
openInitialTabs(store, samples)

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Provider store={store}>
      <CrmBridgeProvider bridge={crm}>
        <App samples={samples} softphone={softphone} />
      </CrmBridgeProvider>
    </Provider>
  </StrictMode>,
)
exposeForTests(store, crm, config)
if (location.hash === '#quiet-tour') {
  runQuietTour(store, crm, softphone, config).catch((error: unknown) =>
    console.error(String(error)),
  )
}
