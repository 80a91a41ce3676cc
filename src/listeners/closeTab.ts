import type { ThunkAction, UnknownAction } from '@reduxjs/toolkit'
import { crmTabClosed } from '../crmTabs/crmTabsSlice.js'
import { selectCrmTabById } from '../crmTabs/selectors.js'
import type { CrmFrameRegistry } from '../registry/types.js'
import type { CrmRootState } from '../types.js'

/** Makes the close thunk: it unregisters the tab's frame, then dispatches `crmTabs/tabClosed`. */
export function createCloseTab(registry: CrmFrameRegistry) {
  return (id: string): ThunkAction<boolean, CrmRootState, unknown, UnknownAction> =>
    (dispatch, getState) => {
      if (!selectCrmTabById(getState(), id)) return false
      registry.unregister(id)
      dispatch(crmTabClosed({ id }))
      return true
    }
}
