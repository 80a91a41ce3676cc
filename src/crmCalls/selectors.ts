import { createSelector } from '../toolkitSelectors.js'
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

/**
 * The calls a tab's pages asked for, oldest first: the same array until they change, for a call
 * badge that re-renders only when its tab's calls do.
 *
 * @example
 * const calls = selectCrmCallsOfTab(store.getState(), tab.id)
 */
export const selectCrmCallsOfTab: (
  state: CrmCallsRootState,
  tabId: string,
) => readonly CrmCallRequest[] = createSelector(
  [selectCrmCalls, (_state: CrmCallsRootState, tabId: string) => tabId],
  (calls, tabId) => calls.filter((call) => call.tabId === tabId),
)

/**
 * The tab's latest call that has neither ended nor failed, or `undefined`: what a rule such as "no
 * closing a tab while a call is going on in it" asks.
 *
 * @example
 * canClose: ({ target, allowedByDefault, getState }) =>
 *   allowedByDefault && !selectActiveCrmCallOfTab(getState(), target.id)
 */
export const selectActiveCrmCallOfTab = (
  state: CrmCallsRootState,
  tabId: string,
): CrmCallRequest | undefined => {
  const calls = selectCrmCallsOfTab(state, tabId)
  for (let at = calls.length - 1; at >= 0; at--) {
    const { status } = calls[at]!
    if (status !== 'ended' && status !== 'failed') return calls[at]
  }
  return undefined
}
