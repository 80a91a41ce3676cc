import { isPlainRecord } from '../protocol/guards.js'
import { CALL_MASKS, ERROR_MASKS, TAB_MASKS, UNREADABLE, withMasked } from './masks.js'

function redactCall(call: unknown): unknown {
  if (!isPlainRecord(call)) return call
  const masked = withMasked(call, CALL_MASKS)
  const error = masked.error
  return isPlainRecord(error) ? { ...masked, error: withMasked(error, ERROR_MASKS) } : masked
}

/** The call history, each call's number masked; its length and order kept. */
function redactCalls(calls: unknown): unknown {
  return Array.isArray(calls) ? calls.map(redactCall) : calls
}

/** The tabs, each one's URL and title with phone-like runs redacted; ids and order kept. */
function redactTabs(tabs: unknown): unknown {
  if (!isPlainRecord(tabs) || !isPlainRecord(tabs.entities)) return tabs
  const entities: Record<string, unknown> = {}
  for (const [id, tab] of Object.entries(tabs.entities)) {
    entities[id] = isPlainRecord(tab) ? withMasked(tab, TAB_MASKS) : tab
  }
  return { ...tabs, entities }
}

// A state is sanitized after every action (Sentry does it in the reducer), while the package's
// slices change far less often: the redacted copy of each slice is kept while the slice lives. Only
// a frozen slice, as the reducers make them, so that a value changed in place is never served stale.
const cache = new WeakMap<object, unknown>()

function cached(slice: unknown, redact: (slice: unknown) => unknown): unknown {
  if (typeof slice !== 'object' || slice === null || !Object.isFrozen(slice)) return redact(slice)
  if (!cache.has(slice)) cache.set(slice, redact(slice))
  return cache.get(slice)
}

const SLICES: Record<string, (slice: unknown) => unknown> = {
  crmCalls: redactCalls,
  crmTabs: redactTabs,
}

/**
 * Hides the phone numbers in a root state that mounts the core's `crmReducers`: in `crmCalls`, each
 * call's destination is masked but for its last 2 digits and its extension whole, and phone-like
 * runs in a failed call's error become `[redacted]`; in `crmTabs`, phone-like runs in a tab's URL
 * and title. The history keeps its length, and every id, status and time stays. Every other slice
 * is passed on as it is (the same object). Pure: it never changes its argument and never throws.
 *
 * @example
 * import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
 *
 * Sentry.createReduxEnhancer({ actionTransformer: redactCrmAction, stateTransformer: redactCrmState })
 */
export function redactCrmState<S>(state: S): S {
  try {
    if (!isPlainRecord(state)) return state
    let copy: Record<string, unknown> | undefined
    for (const [key, redact] of Object.entries(SLICES)) {
      if (!Object.prototype.hasOwnProperty.call(state, key)) continue
      copy ??= { ...state }
      copy[key] = cached(state[key], redact)
    }
    return (copy ?? state) as S
  } catch {
    // Only a hostile value (a getter or a proxy trap that throws) gets here.
    return UNREADABLE as S
  }
}
