import { configureStore } from '@reduxjs/toolkit'
import { createCrmBridge, crmReducers, type CrmProtocol } from 'ucp-crm-bridge'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
import type { DemoConfig } from './demoConfig'
import { demoGrants, demoMessages } from './demoMessages'
import { logCallStatuses } from './logCallStatuses'
import { messageLogged, messagesSlice } from './messagesSlice'
import { createSoftphone } from './softphone'

/**
 * The demo's bridge, softphone and store, set up as the README says, with RTK's defaults (DevTools
 * on, with the package's sanitizers: the extension never sees a customer's number), but for how
 * slow its development checks may be before they warn.
 */
export function createDemoStore(config: DemoConfig) {
  const softphone = createSoftphone()
  // An untyped bridge, not one of DemoProtocol: CrmBridgeProvider takes no other. The definitions
  // are checked against the protocol all the same (demoMessages.ts).
  const crm = createCrmBridge<CrmProtocol>({
    telephony: softphone,
    messages: demoMessages,
    grants: demoGrants(config),
    // The store exists by the time any message arrives: the bridge starts after it is made.
    onOutcome: (outcome) => store.dispatch(messageLogged(outcome)),
    // A busy line is a call's ending, not an error: anything reported here is a bug in the demo.
    onError: (error, { raisedBy }) => console.error(`[demo] ${raisedBy} threw`, error),
  })
  const store = configureStore({
    reducer: { ...crmReducers, demoMessages: messagesSlice.reducer },
    middleware: (getDefault) =>
      getDefault({
        // RTK's development checks say when they take over 32 ms, as they do on a loaded CI machine
        // whatever the state: the demo's tests would read that as a warning of its own.
        serializableCheck: { warnAfter: 1000 },
        immutableCheck: { warnAfter: 1000 },
      })
        .prepend(crm.middleware)
        .concat(logCallStatuses()),
    devTools: { actionSanitizer: redactCrmAction, stateSanitizer: redactCrmState },
  })
  return { crm, store, softphone }
}

export type DemoStore = ReturnType<typeof createDemoStore>['store']
export type DemoState = ReturnType<DemoStore['getState']>
