import { crmCallsAdapter } from './crmCallsAdapter.js'
import type { CrmCallsState } from './types.js'

/** Any root state that mounts {@link crmReducers}. */
export interface CrmCallsRootState {
  crmCalls: CrmCallsState
}

const adapterSelectors = crmCallsAdapter.getSelectors((state: CrmCallsRootState) => state.crmCalls)

/** The call requests still in the history, oldest first. */
export const selectCrmCalls = adapterSelectors.selectAll
/** One call request by its `requestId`, or `undefined`. */
export const selectCrmCallById = adapterSelectors.selectById
