import type { ThunkAction, UnknownAction } from '@reduxjs/toolkit'
import type { CrmFrameRegistry } from '../registry/types.js'
import { crmTabClosed } from './crmTabsSlice.js'
import { selectCrmTabById, type CrmTabsRootState } from './selectors.js'

/** The close thunk's type: `dispatch(crm.closeTab(id))` returns `false` if the tab was not open. */
export type CrmCloseTabThunk = (
  id: string,
) => ThunkAction<boolean, CrmTabsRootState, unknown, UnknownAction>

/**
 * Makes the close thunk: it dispatches `crmTabs/tabClosed`, then unregisters the tab's frame. The
 * frame goes if and only if the tab left the state, so that a reducer, middleware or store
 * subscriber that throws never leaves a tab half closed: gone with its frame still registered, or
 * open without one.
 */
export function createCloseTab(registry: CrmFrameRegistry): CrmCloseTabThunk {
  return (id) => (dispatch, getState) => {
    if (!selectCrmTabById(getState(), id)) return false
    try {
      dispatch(crmTabClosed({ id }))
    } finally {
      if (!selectCrmTabById(getState(), id)) registry.unregister(id)
    }
    return true
  }
}
