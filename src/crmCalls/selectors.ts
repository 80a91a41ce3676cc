import type { CrmCallRequest, CrmCallsState } from './types.js'

/** Any root state that mounts {@link crmReducers}. */
export interface CrmCallsRootState {
  crmCalls: CrmCallsState
}

/** The call requests still in the history, oldest first. The same array until the history changes. */
export const selectCrmCalls = (state: CrmCallsRootState): CrmCallsState => state.crmCalls

/** One call request by its `requestId`, or `undefined`. */
export const selectCrmCallById = (
  state: CrmCallsRootState,
  requestId: string,
): CrmCallRequest | undefined => state.crmCalls.find((call) => call.requestId === requestId)
