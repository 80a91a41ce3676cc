import { createEntityAdapter } from '@reduxjs/toolkit'
import type { CrmCallRequest } from './types.js'

/**
 * The call requests' entity adapter, keyed by `requestId`. On its own so that the selectors (and
 * the React entry) need not bring in the slice.
 */
export const crmCallsAdapter = createEntityAdapter({
  selectId: (call: CrmCallRequest) => call.requestId,
})
