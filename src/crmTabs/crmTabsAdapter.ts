import { createEntityAdapter } from '../toolkitSelectors.js'
import type { CrmTab } from './types.js'

/**
 * The tabs' entity adapter. Tabs keep their opening order: it has no sort comparer. On its own so
 * that the selectors (and the React entry) need not bring in the slice.
 */
export const crmTabsAdapter = createEntityAdapter<CrmTab>()
