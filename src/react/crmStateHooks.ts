import { shallowEqual, useSelector } from './reactApis.js'
import { selectActiveCrmTab, selectCrmCalls, selectCrmCallsOfTab, selectCrmTabs } from '../index.js'
import type { CrmCallRequest, CrmCallsState, CrmRootState, CrmTab } from '../index.js'

/**
 * The open CRM tabs, in opening order; re-renders when they change.
 *
 * @example
 * const tabs = useCrmTabs()
 * return <ul>{tabs.map((tab) => <li key={tab.id}>{tab.title}</li>)}</ul>
 */
export function useCrmTabs(): CrmTab[] {
  return useSelector(selectCrmTabs)
}

/**
 * The active CRM tab, or `undefined` when no tab is open.
 *
 * @example
 * const active = useActiveCrmTab()
 * return <h2>{active?.title ?? 'No tab open'}</h2>
 */
export function useActiveCrmTab(): CrmTab | undefined {
  return useSelector(selectActiveCrmTab)
}

/**
 * The call requests still in the history (the last 50), oldest first, each with its status.
 *
 * @example
 * const calls = useCrmCalls()
 * return <ol>{calls.map((call) => <li key={call.requestId}>{call.destination}: {call.status}</li>)}</ol>
 */
export function useCrmCalls(): CrmCallsState {
  return useSelector(selectCrmCalls)
}

/**
 * The calls a tab's pages asked for, oldest first, each with its status; re-renders only when
 * they change. For a call badge on the tab strip.
 *
 * @example
 * function CallBadge({ tabId }: { tabId: string }) {
 *   const active = useCrmCallsOfTab(tabId).findLast((call) => call.status !== 'ended' && call.status !== 'failed')
 *   return active ? <span className="badge">{active.status}</span> : null
 * }
 */
export function useCrmCallsOfTab(tabId: string): readonly CrmCallRequest[] {
  // Another tab's call makes this tab's list anew, with the same calls in it: not a change here.
  return useSelector((state: CrmRootState) => selectCrmCallsOfTab(state, tabId), shallowEqual)
}
