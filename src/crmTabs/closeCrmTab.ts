import type { ThunkAction, UnknownAction } from '@reduxjs/toolkit'
import { crmTabClosed } from './crmTabsSlice.js'
import { selectCrmTabById, type CrmTabsRootState } from './selectors.js'

/**
 * Closes tab `id` for UCP's own code (a close button): dispatches `crmTabs/tabClosed`, and says
 * whether the tab left the state (`false` if it was not open). The bridge's middleware unregisters
 * its frame, as it does however the tab closes.
 */
export const closeCrmTab =
  (id: string): ThunkAction<boolean, CrmTabsRootState, unknown, UnknownAction> =>
  (dispatch, getState) => {
    if (!selectCrmTabById(getState(), id)) return false
    dispatch(crmTabClosed({ id }))
    return !selectCrmTabById(getState(), id)
  }
