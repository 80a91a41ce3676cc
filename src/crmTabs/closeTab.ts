import type { ThunkAction, UnknownAction } from '@reduxjs/toolkit'
import type { CrmFrameRegistry } from '../registry/types.js'
import { crmTabClosed } from './crmTabsSlice.js'
import { selectCrmTabById, type CrmTabsRootState } from './selectors.js'

/** The close thunk's type: `dispatch(crm.closeTab(id))` returns `false` if the tab was not open. */
export type CrmCloseTabThunk = (
  id: string,
) => ThunkAction<boolean, CrmTabsRootState, unknown, UnknownAction>

/** Makes the close thunk: it unregisters the tab's frame, then dispatches `crmTabs/tabClosed`. */
export function createCloseTab(registry: CrmFrameRegistry): CrmCloseTabThunk {
  return (id) => (dispatch, getState) => {
    if (!selectCrmTabById(getState(), id)) return false
    registry.unregister(id)
    dispatch(crmTabClosed({ id }))
    return true
  }
}
