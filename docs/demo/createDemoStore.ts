import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers } from 'ucp-crm-bridge'
import { rejectionLogged, rejectionsSlice } from './rejectionsSlice'
import { createSoftphone } from './softphone'

/** The demo's bridge and store, set up as the README says, with RTK's defaults (DevTools on). */
export function createDemoStore() {
  const crm = createCrmBridge({
    telephony: createSoftphone(),
    // The store exists by the time any message arrives: the bridge starts after it is made.
    onRejected: (rejection) => store.dispatch(rejectionLogged(rejection)),
  })
  const store = configureStore({
    reducer: { ...crmReducers, demoRejections: rejectionsSlice.reducer },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  return { crm, store }
}

export type DemoStore = ReturnType<typeof createDemoStore>['store']
export type DemoState = ReturnType<DemoStore['getState']>
