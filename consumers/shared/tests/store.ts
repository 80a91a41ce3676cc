// A store with the bridge, as the README sets it up. Shared by the tests of each entry.
import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers } from 'ucp-crm-bridge'

export function bridgeAndStore() {
  const crm = createCrmBridge({ telephony: { dial: () => undefined } })
  const store = configureStore({
    reducer: crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  return { crm, store }
}
