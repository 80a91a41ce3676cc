import { isPlainRecord } from '../protocol/guards.js'
import { CALL_MASKS, ERROR_MASKS, META_MASKS, TAB_MASKS, UNREADABLE, withMasked } from './masks.js'

// The package's own types, as strings: this entry needs them, not the action creators behind them.
const MAKE_CALL_REQUESTED = 'telephony/makeCallRequested'
const CLOSE_REQUESTED = 'crm/closeRequested'
const DIAL_FAILED = 'crmCalls/dialFailed'
const TAB_TYPES = new Set(['crmTabs/tabOpened', 'crmTabs/tabRetitled'])

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

/** A custom message type's request (`crm/${type}/requested`): its payload is the host's to redact. */
const CUSTOM_REQUESTED = /^crm\/.+\/requested$/

function redact(action: Record<string, unknown>): Record<string, unknown> {
  const type = action.type
  if (
    type === MAKE_CALL_REQUESTED ||
    type === CLOSE_REQUESTED ||
    CUSTOM_REQUESTED.test(String(type))
  ) {
    // The page's own request id is the page's choice of text: it might be a number too.
    const masked = inField(action, 'meta', (meta) => withMasked(meta, META_MASKS))
    return inField(masked, 'payload', (payload) => withMasked(payload, CALL_MASKS))
  }
  if (type === DIAL_FAILED) {
    return inField(action, 'payload', (payload) =>
      inField(payload, 'error', (error) => withMasked(error, ERROR_MASKS)),
    )
  }
  if (typeof type === 'string' && TAB_TYPES.has(type)) {
    return inField(action, 'payload', (payload) => withMasked(payload, TAB_MASKS))
  }
  return action
}

/**
 * Hides the phone numbers in one of the package's actions, for Redux DevTools, Sentry, LogRocket
 * or any tool that records actions. Destinations are masked but for their last 2 digits
 * (`'•••••••••67'`), extensions whole, and phone-like runs in a tab's URL and title and in a failed
 * dial's error become `[redacted]`, as do phone-like runs in a page's own request id. Every type,
 * id and time stays. A custom message type's payload (`crm/${type}/requested`) is the host's own
 * data, passed on as it is: compose your own redaction for it. An action that is not the package's
 * own is returned as it is; so is one with nothing to hide. Pure: it never changes its argument and
 * never throws.

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
