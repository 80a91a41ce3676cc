import { useSelector } from 'react-redux'
import { selectActiveCrmTab, selectCrmCalls, selectCrmTabs } from '../index.js'
import type { CrmCallsState, CrmRootState, CrmTab } from '../index.js'

/**
 * The open CRM tabs, in opening order; re-renders when they change.
 *
 * @example
 * const tabs = useCrmTabs()
 * return <ul>{tabs.map((tab) => <li key={tab.id}>{tab.title}</li>)}</ul>
 */
export function useCrmTabs(): CrmTab[] {
  return useSelector((state: CrmRootState) => selectCrmTabs(state))
}

/**
 * The active CRM tab, or `undefined` when no tab is open.
 *
 * @example
 * const active = useActiveCrmTab()
 * return <h2>{active?.title ?? 'No tab open'}</h2>
 */
export function useActiveCrmTab(): CrmTab | undefined {
  return useSelector((state: CrmRootState) => selectActiveCrmTab(state))
}

/**
 * The call requests still in the history (the last 50), oldest first, each with its status.
 *
 * @example
 * const calls = useCrmCalls()
 * return <ol>{calls.map((call) => <li key={call.requestId}>{call.destination}: {call.status}</li>)}</ol>
 */
export function useCrmCalls(): CrmCallsState {
  return useSelector((state: CrmRootState) => selectCrmCalls(state))
}
