import { createSelector } from '../toolkitSelectors.js'
import { crmTabsAdapter } from './crmTabsAdapter.js'
import type { CrmTab, CrmTabsState } from './types.js'

/** Any root state that mounts {@link crmReducers}. */
export interface CrmTabsRootState {
  crmTabs: CrmTabsState
}

const adapterSelectors = crmTabsAdapter.getSelectors((state: CrmTabsRootState) => state.crmTabs)

/** The open tabs, in opening order. */
export const selectCrmTabs = adapterSelectors.selectAll
// A plain read, not the adapter's memoized selector: memoizing returns the same object, and the
// memo's last result would keep the table of the last state it saw alive after its store is gone.
// Own keys only: ids come from messages, and a state restored from JSON has a prototype again.
/**
 * One tab by id, or `undefined`. Only open tabs count: `'__proto__'`, `'constructor'` or
 * `'toString'` is no tab.
 */
export const selectCrmTabById = (state: CrmTabsRootState, id: string): CrmTab | undefined =>
  Object.hasOwn(state.crmTabs.entities, id) ? state.crmTabs.entities[id] : undefined

// A function rather than the adapter's selector itself, so that a bundle that does not use it (the
// React entry's) can drop it: a property read at the top of a module is kept.
/** The ids of the open tabs, in opening order. */
export const selectCrmTabIds = (state: CrmTabsRootState): string[] =>
  adapterSelectors.selectIds(state)
/** The id of the active tab, or `null` when no tab is open. */
export const selectActiveCrmTabId = (state: CrmTabsRootState): string | null =>
  state.crmTabs.activeId
/** The active tab, or `undefined`. */
export const selectActiveCrmTab = createSelector(
  [(state: CrmTabsRootState) => state.crmTabs.entities, selectActiveCrmTabId],
  (entities, activeId) =>
    activeId !== null && Object.hasOwn(entities, activeId) ? entities[activeId] : undefined,
)
