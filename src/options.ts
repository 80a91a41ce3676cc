import { dialAsShown } from './bridge/normalizeDestination.js'
import { failWith } from './CrmBridgeError.js'
import type { CrmStore } from './crmReducers.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** The options' defaults, documented in docs/integration.md. */
export const OPTION_DEFAULTS = {
  dialTimeout: 30_000,
  duplicateCallWindow: 2_000,
  maxCallsPerMinute: 10,
  frameContainer: '#iframe-parent',
  normalizeDestination: dialAsShown,
}

/** Whether `value` is what the `crmTabs` reducer makes. */
const isTabsState = (value: unknown) =>
  typeof value === 'object' && value !== null && 'entities' in value && 'ids' in value

/**
 * Throws when `store` is not a Redux store whose state holds the package's slices at its root:
 * `reducers-missing` names the keys that are missing, and where they are, if nested. In every
 * build: a store without them fails at the first message, far from the mistake.
 */
export function checkStore(store: CrmStore): void {
  if (typeof store?.getState !== 'function' || typeof store.dispatch !== 'function') {
    failWith(
      'invalid-option',
      process.env.NODE_ENV !== 'production' ? 'start() needs the Redux store' : undefined,
    )
  }
  const state = store.getState() as unknown as Record<string, unknown> | undefined
  const found = { crmTabs: isTabsState(state?.crmTabs), crmCalls: Array.isArray(state?.crmCalls) }
  if (found.crmTabs && found.crmCalls) return
  failWith(
    'reducers-missing',
    process.env.NODE_ENV !== 'production' ? whatIsMissing(state, found) : undefined,
  )
}

/** What a development build says of a store without the slices: which, and where they are instead. */
function whatIsMissing(state: Record<string, unknown> | undefined, found: Record<string, boolean>) {
  const missing = Object.keys(found).filter((key) => !found[key])
  const nested = Object.keys(state ?? {}).find((key) => {
    const inner = (state as Record<string, unknown>)[key] as Record<string, unknown> | undefined
    return typeof inner === 'object' && inner !== null && isTabsState(inner.crmTabs)
  })
  return (
    `start(): the store's state has no ${missing.join(' and ')} at its root` +
    (nested ? ` (they are under '${nested}')` : '') +
    '; spread crmReducers into the root reducer: `reducer: { ...ucpReducers, ...crmReducers }`'
  )
}
