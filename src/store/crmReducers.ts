import { crmCallsReducer } from '../crmCalls/crmCallsSlice.js'
import { crmTabsReducer } from '../crmTabs/crmTabsSlice.js'

/**
 * The package's reducers, keyed by where they mount: spread them into UCP's root reducer. The keys
 * `crmTabs` and `crmCalls` are chosen not to collide with UCP's own `telephony` state.
 *
 * @example
 * configureStore({ reducer: { ...ucpReducers, ...crmReducers } })
 */
export const crmReducers = {
  crmTabs: crmTabsReducer,
  crmCalls: crmCallsReducer,
}
