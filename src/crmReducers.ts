import type { UnknownAction } from '@reduxjs/toolkit'
import { crmCallsReducer } from './crmCalls/crmCallsSlice.js'
import type { CrmCallsState } from './crmCalls/types.js'
import { crmTabsReducer } from './crmTabs/crmTabsSlice.js'
import type { CrmTabsState } from './crmTabs/types.js'

/**
 * The package's reducers, keyed by where they mount: spread them into UCP's root reducer. The keys
 * `crmTabs` and `crmCalls` are chosen not to collide with UCP's own `telephony` state.
 *
 * @example
 * configureStore({ reducer: { ...ucpReducers, ...crmReducers } })
 */
export const crmReducers = {
  crmTabs: crmTabsReducer,
  crmCalls: crmCallsReducer,
}

/** The part of the root state the package owns: what {@link crmReducers} mounts. */
export interface CrmRootState {
  crmTabs: CrmTabsState
  crmCalls: CrmCallsState
}

/** The store `start` needs: UCP's own store fits, whatever else it holds. */
export interface CrmStore {
  dispatch: (action: UnknownAction) => unknown
  getState: () => CrmRootState
}
