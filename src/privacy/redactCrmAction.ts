import { isPlainRecord } from '../protocol/guards.js'
import { crmTabOpened } from '../crmTabs/crmTabsSlice.js'
import { crmDialFailed } from '../crmCalls/crmCallsSlice.js'
import { crmMakeCallRequested } from '../bridge/requestActions.js'
import { CALL_MASKS, ERROR_MASKS, TAB_MASKS, UNREADABLE, withMasked } from './masks.js'

/** Applies `mask` to `record[key]` when it is a plain object; the record itself when nothing changed. */
function inField(
  record: Record<string, unknown>,
  key: string,
  mask: (inner: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const inner = Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined
  if (!isPlainRecord(inner)) return record
  const masked = mask(inner)
  return masked === inner ? record : { ...record, [key]: masked }
}

function redact(action: Record<string, unknown>): Record<string, unknown> {
  const type = action.type
  if (type === crmMakeCallRequested.type) {
    return inField(action, 'payload', (payload) => withMasked(payload, CALL_MASKS))
  }
  if (type === crmDialFailed.type) {
    return inField(action, 'payload', (payload) =>
      inField(payload, 'error', (error) => withMasked(error, ERROR_MASKS)),
    )
  }
  if (type === crmTabOpened.type) {
    return inField(action, 'payload', (payload) => withMasked(payload, TAB_MASKS))
  }
  return action
}

/**
 * Hides the phone numbers in one of the package's actions, for Redux DevTools, Sentry, LogRocket
 * or any tool that records actions. Destinations are masked but for their last 2 digits
 * (`'•••••••••67'`), extensions whole, and phone-like runs in a tab's URL and title and in a failed
 * dial's error become `[redacted]`. Every type, id and time stays. An action that is not the
 * package's own is returned as it is; so is one with nothing to hide. Pure: it never changes its
 * argument and never throws.
 *
 * @example
 * import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
 *
 * configureStore({
 *   reducer: { ...ucpReducers, ...crmReducers },
 *   devTools: { actionSanitizer: redactCrmAction, stateSanitizer: redactCrmState },
 * })
 * Sentry.createReduxEnhancer({ actionTransformer: redactCrmAction, stateTransformer: redactCrmState })
 */
export function redactCrmAction<A>(action: A): A {
  try {
    return (isPlainRecord(action) ? redact(action) : action) as A
  } catch {
    // Only a hostile value (a getter or a proxy trap that throws) gets here: it keeps its type at most.
    return typeOnly(action) as A
  }
}

function typeOnly(action: unknown): { type: string } {
  try {
    const type = (action as { type?: unknown }).type
    return { type: typeof type === 'string' ? type : UNREADABLE }
  } catch {
    return { type: UNREADABLE }
  }
}
