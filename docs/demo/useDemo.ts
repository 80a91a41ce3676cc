import { useDispatch, useSelector } from 'react-redux'
import type { DemoState, DemoStore } from './createDemoStore'

/** react-redux's hooks, typed with the demo's state. */
export const useDemoSelector = useSelector.withTypes<DemoState>()
export const useDemoDispatch = useDispatch.withTypes<DemoStore['dispatch']>()

/** The title of a tab by id, for the panels; a closed tab is named as such. */
export function useTabTitle(): (tabId: string | undefined) => string {
  const entities = useDemoSelector((state) => state.crmTabs.entities)
  return (tabId) => (tabId === undefined ? 'no tab' : (entities[tabId]?.title ?? 'a closed tab'))
}
