import type { UnknownAction } from '@reduxjs/toolkit'
import type { CrmCallsState } from '../crmCalls/types.js'
import type { CrmTabsState } from '../crmTabs/types.js'

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
