import { createAsyncThunk, type AsyncThunk } from '@reduxjs/toolkit'
import type { CrmDialArg, CrmTelephony } from './types.js'

/** The type prefix of the dial thunk: `telephony/dial/pending`, `/fulfilled`, `/rejected`. */
export const CRM_DIAL_TYPE = 'telephony/dial'

/** The dial thunk's type: its action creators (`pending`, `fulfilled`, `rejected`) and the thunk. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- RTK's own default config type
export type CrmDialThunk = AsyncThunk<void, CrmDialArg, {}>

/** Makes the dial thunk around the host's softphone. Each bridge makes its own. */
export function createDialThunk(telephony: CrmTelephony): CrmDialThunk {
  return createAsyncThunk<void, CrmDialArg>(CRM_DIAL_TYPE, async (arg, { signal }) => {
    await telephony.dial(arg.destination, {
      requestId: arg.requestId,
      tabId: arg.tabId,
      signal,
    })
  })
}

// The reducer is static while each bridge makes its own thunk; this stand-in only lends its action
// creators, whose types are the same, to the reducer's cases. It is never dispatched.
export const dialActionTypes: CrmDialThunk = createDialThunk({ dial: () => undefined })
