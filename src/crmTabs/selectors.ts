import { createSelector } from '@reduxjs/toolkit'
import { crmTabsAdapter } from './crmTabsAdapter.js'
import type { CrmTab, CrmTabsState } from './types.js'

/** Any root state that mounts {@link crmReducers}. */
export interface CrmTabsRootState {
  crmTabs: CrmTabsState
}

const adapterSelectors = crmTabsAdapter.getSelectors((state: CrmTabsRootState) => state.crmTabs)

/** The open tabs, in opening order. */
export const selectCrmTabs = adapterSelectors.selectAll
/** One tab by id, or `undefined`. Not memoized: a property read needs no cache, and runs per message. */
export const selectCrmTabById = (state: CrmTabsRootState, id: string): CrmTab | undefined =>
  state.crmTabs.entities[id]
/** The ids of the open tabs, in opening order. */
export const selectCrmTabIds = (state: CrmTabsRootState): string[] => state.crmTabs.ids
/** The id of the active tab, or `null` when no tab is open. */
export const selectActiveCrmTabId = (state: CrmTabsRootState): string | null =>
  state.crmTabs.activeId
/** The active tab, or `undefined`. */
export const selectActiveCrmTab = createSelector(
  [(state: CrmTabsRootState) => state.crmTabs.entities, selectActiveCrmTabId],
  (entities, activeId) => (activeId === null ? undefined : entities[activeId]),
)
