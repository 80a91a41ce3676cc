import type { UnknownAction } from '@reduxjs/toolkit'
import type { CrmTab } from '../crmTabs/types.js'
import type { CrmRootState } from '../crmReducers.js'
import type { CrmPostedAnswer, CrmRejectReason } from '../protocol/types.js'

export type { CrmPostedAnswer }

/**
 * The store, as the host's callbacks get it: so that the bridge can be defined in a module of its
 * own, without importing the store (which imports the bridge's middleware).
 *
 * @example
 * dial: (destination, { getState }) => softphone.dial(destination, { agent: selectAgent(getState()) })
 */
export interface CrmStoreAccess {
  /** The store's whole state: the package's slices and UCP's own. */
  getState: () => CrmRootState
  dispatch: (action: UnknownAction) => unknown
}

/**
 * What `canClose` is asked. `allowedByDefault` is the package's own answer: `true` when the
 * sender closes its own tab, or a tab whose URL's origin is the origin the message came from (not
 * merely the origin of the sender's tab: a page that `allowedOrigins` lets speak for a tab does not
 * own that tab's neighbours).
 *
 * @example
 * createCrmBridge({
 *   telephony,
 *   canClose: ({ target, allowedByDefault, getState }) =>
 *     allowedByDefault && !selectActiveCrmCallOfTab(getState(), target.id),
 * })
 */
export interface CrmCloseCheck extends CrmStoreAccess {
  /** The tab that would close. */
  target: CrmTab
  /** The tab whose frame asked. */
  sender: CrmTab
  /** The sender's `event.origin`. */
  origin: string
  /** Whether the message named the tab (`payload.id`) rather than closing its sender. */
  explicit: boolean
  allowedByDefault: boolean
}

/** The host's last word on a close a frame asked for; may answer with a promise. */
export type CrmCanClose = (check: CrmCloseCheck) => boolean | Promise<boolean>

/**
 * What `onRejected` receives: a message turned down, or a request refused or failed. It never
 * contains the message's data, so no phone number.
 *
 * @example
 * createCrmBridge({
 *   telephony,
 *   onRejected: ({ reason, type, origin }) => metrics.increment(`crm.rejected.${reason}`, { type, origin }),
 * })
 */
export interface CrmRejection {
  reason: CrmRejectReason
  /** The message type, when it is one UCP knows (an unknown type is named in `detail`). */
  type?: string
  /** `event.origin` of the message. */
  origin: string
  /** The sender's tab, when it was resolved. */
  tabId?: string
  /**
   * What exactly was wrong, for people: `'payload is missing'`, `"unknown type 'MAKE_CALLS'"`.
   * Made of the package's own words, a field's name and, for an unknown type, the type itself
   * with anything like a phone number redacted: never a payload's value.
   */
  detail?: string
}

/**
 * What became of one protocol message, for an inspector or a dashboard: plain data that never
 * holds the message's payload, so never a phone number. A message that became an action is joined
 * to it, and to the call history, by `requestId`.
 *
 * @example
 * // A MAKE_CALL with a requestId, dialled and answered 1.5 s later:
 * {
 *   type: 'MAKE_CALL',
 *   origin: 'https://crm.example.com',
 *   tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
 *   requestId: '9b2f8c1e-4f5a-4d7b-8c9d-0e1f2a3b4c5d',
 *   answer: { type: 'MAKE_CALL_RESULT' },
 *   receivedAt: 1764086400000,
 *   settledAt: 1764086401500,
 * }
 */
export interface CrmMessageOutcome {
  /** The message type, as in {@link CrmRejection}. */
  type?: string
  /** `event.origin` of the message. */
  origin: string
  /** The sender's tab, when it was resolved. */
  tabId?: string
  /** `meta.requestId` of the action the message became; absent when it was refused on arrival. */
  requestId?: string
  /** Why it was refused or failed; absent when it was carried out (closed, dialled, greeted). */
  reason?: CrmRejectReason
  /** As in {@link CrmRejection}. */
  detail?: string
  /** What UCP posted back to the frame, if anything. */
  answer?: CrmPostedAnswer
  /** `Date.now()` when the message arrived. */
  receivedAt: number
  /** `Date.now()` when its outcome was known: at once, or when the close or the dial ended. */
  settledAt: number
}

/** Told of every protocol message's outcome, once. */
export type CrmOutcomeListener = (outcome: CrmMessageOutcome) => void

/**
 * The host's softphone, as the bridge needs it.
 *
 * @example
 * const telephony: CrmTelephony = {
 *   dial: (destination, { extension, signal }) =>
 *     softphone.dial(destination, { dtmfAfterAnswer: extension, signal }),
 * }
 */
export interface CrmTelephony {
  /**
   * Dial the normalized destination, then `context.extension` if there is one (as DTMF once the
   * call is answered, or however the softphone takes extensions). May return a promise: resolving
   * means placed; a rejection is the call's outcome, `failed` (a busy line, a refused number); a
   * synchronous throw fails it too, and is reported to `onError` as a bug. Whatever it resolves to
   * is ignored.
   */
  dial(destination: string, context: CrmDialContext): unknown
}

/** What `telephony.dial` is told besides the destination. */
export interface CrmDialContext extends CrmStoreAccess {
  /** The call's id in `crmCalls`: pass it to `crmCallRinging` and the other progress events. */
  requestId: string
  tabId: string
  /**
   * The extension split off the destination (`89` of `'555-1234 ext. 89'`), to dial once the call
   * is answered. Absent when there is none.
   */
  extension?: string
  /**
   * Aborted when the bridge gives up on the dial: `dialTimeout` passed (its `reason` is a
   * `CrmBridgeError` with the code `dial-timeout`) or the bridge was destroyed (`destroyed`). The
   * call is then `failed` whatever the softphone does next: stop dialing. A tab that closes does not
   * abort it: the agent may be talking.
   */
  signal: AbortSignal
}

/** What a custom message type's `handle` is told besides the parsed payload. */
export interface CrmMessageContext extends CrmStoreAccess {
  /** The request's `meta.requestId`, as in its action. */
  requestId: string
  /** The tab whose frame sent it. */
  tabId: string
  /** The origin it came from. */
  origin: string
  /** Aborted when the bridge gives up: the type's `timeout` passed, or the bridge was destroyed. */
  signal: AbortSignal
}

/**
 * One custom message type: how its payload is read, and what UCP does with it.
 *
 * @example
 * const OPEN_RECORD: CrmMessageDefinition<{ id: number }, { opened: boolean }> = {
 *   parse: (payload) =>
 *     typeof payload === 'object' && payload !== null && Number.isSafeInteger((payload as { id?: unknown }).id)
 *       ? { id: (payload as { id: number }).id }
 *       : undefined,
 *   handle: ({ id }, { dispatch }) => {
 *     dispatch(crmTabOpened({ url: `https://crm.example.com/records/${id}` }))
 *     return { opened: true }
 *   },
 * }
 */
export interface CrmMessageDefinition<Payload = unknown, Result = unknown> {
  /**
   * Narrows the page's untrusted `payload` from `unknown`: returns the plain-data value the action
   * carries, or `undefined` to refuse the message as `invalid-message`. A throw refuses it too, and
   * is reported to `onError` (`raisedBy: 'parse'`).
   */
  parse(payload: unknown): Payload | undefined
  /**
   * Carries the request out, once its action is in the store; may return a promise. What it
   * returns, as JSON data, is the answer's `result`. A throw or a rejection answers `failed` and is
   * reported to `onError` (`raisedBy: 'handle'`). Without it, the request is done once its action
   * went through: UCP's own listeners react to the action.
   */
  handle?(value: Payload, context: CrmMessageContext): Result | Promise<Result>
  /** Messages of this type allowed per tab per minute; more are `rate-limited`. Default 60; `Infinity` for no cap. */
  perMinute?: number
  /** How long `handle` may take, in ms, before the request is answered `failed`. Default 30,000; `Infinity` for none. */
  timeout?: number
}
