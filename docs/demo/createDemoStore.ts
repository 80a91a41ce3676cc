import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers } from 'ucp-crm-bridge'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
import { messageLogged, messagesSlice } from './messagesSlice'
import { createSoftphone } from './softphone'

/**
 * The demo's bridge and store, set up as the README says, with RTK's defaults (DevTools on, with
 * the package's sanitizers: the extension never sees a customer's number).
 */
export function createDemoStore() {
  const crm = createCrmBridge({
    telephony: createSoftphone(),
    // The store exists by the time any message arrives: the bridge starts after it is made.
    onOutcome: (outcome) => store.dispatch(messageLogged(outcome)),
    // The reserved number's failures are expected, and shown by the softphone and the messages.
    onError: (error, { raisedBy }) => {
      if (raisedBy !== 'telephony.dial') console.error(`[demo] ${raisedBy} threw`, error)
    },
  })
  const store = configureStore({
    reducer: { ...crmReducers, demoMessages: messagesSlice.reducer },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
    devTools: { actionSanitizer: redactCrmAction, stateSanitizer: redactCrmState },
  })
  return { crm, store }
}

export type DemoStore = ReturnType<typeof createDemoStore>['store']
export type DemoState = ReturnType<DemoStore['getState']>
