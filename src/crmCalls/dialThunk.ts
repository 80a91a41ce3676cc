import { createAsyncThunk } from '@reduxjs/toolkit'
import type { CrmDialArg, CrmTelephony } from './types.js'

/** The type prefix of the dial thunk: `telephony/dial/pending`, `/fulfilled`, `/rejected`. */
export const CRM_DIAL_TYPE = 'telephony/dial'

/** Makes the dial thunk around the host's softphone. Each bridge makes its own. */
export function createDialThunk(telephony: CrmTelephony) {
  return createAsyncThunk<void, CrmDialArg>(CRM_DIAL_TYPE, async (arg, { signal }) => {
    await telephony.dial(arg.destination, {
      requestId: arg.requestId,
      tabId: arg.tabId,
      signal,
    })
  })
}

/** The dial thunk's type: its action creators (`pending`, `fulfilled`, `rejected`) and the thunk. */
export type CrmDialThunk = ReturnType<typeof createDialThunk>

// The reducer is static while each bridge makes its own thunk; this stand-in only lends its action
// creators, whose types are the same, to the reducer's cases. It is never dispatched.
export const dialActionTypes: CrmDialThunk = createDialThunk({ dial: () => undefined })
