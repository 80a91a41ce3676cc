// The wire format, shared by the host (`ucp-crm-bridge`) and the CRM page (`ucp-crm-bridge/client`)
// so that the two sides cannot drift. Types only, plus the version: nothing here pulls in Redux.

/**
 * The protocol version this package speaks. Every hello and answer carries it. A message without
 * `version` is version 1, as the spec's messages are.
 */
export const CRM_PROTOCOL_VERSION = 1

/** The message types a CRM page sends to command UCP, as in the spec. */
export type CrmMessageType = 'CLOSE_CRM_TAB' | 'MAKE_CALL'

/**
 * The message types the package owns, which no custom message type may be named: the built-in
 * requests, the hello, and whatever UCP may post (`UCP_` and on). A typed client refuses them in
 * `request()` at compile time.
 */
export type CrmBuiltInType = CrmMessageType | 'CRM_HELLO' | `UCP_${string}`

/** Fields every CRM-to-UCP message may carry beyond the spec's `type` and `payload`. */
export interface CrmRequestFields {
  /** Ask for an answer: a string of 1 to 64 characters, unique per request. */
  requestId?: string
  /** The protocol version the page speaks; absent means 1. */
  version?: number
}

/**
 * `CLOSE_CRM_TAB`: close the sending tab, or the tab `payload.id`.
 *
 * @example
 * window.parent.postMessage({ type: 'CLOSE_CRM_TAB' }, '*')
 */
export interface CrmCloseTabMessage extends CrmRequestFields {
  type: 'CLOSE_CRM_TAB'
  payload?: { id?: string }
}

/**
 * `MAKE_CALL`: dial `payload.destination` as the page shows it, its extension (`ext. 89`) split
 * off, or refuse it with `invalid-destination` (see `docs/protocol.md` for the rules).
 *
 * @example
 * window.parent.postMessage({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }, '*')
 */
export interface CrmMakeCallMessage extends CrmRequestFields {
  type: 'MAKE_CALL'
  payload: { destination: string }
}

/**
 * A CRM page's request for its hello: UCP greets no page that did not ask. It carries nothing, so a
 * page that does not know yet which of its trusted origins UCP is at may post it to `'*'`.
 *
 * @example
 * window.parent.postMessage({ type: 'CRM_HELLO', version: 1 }, '*')
 */
export interface CrmHelloRequestMessage {
  type: 'CRM_HELLO'
  version?: number
}

/**
 * A message of a type UCP's engineers declared themselves (`createCrmBridge({ messages })`), such
 * as `OPEN_RECORD`. Its `payload` is whatever that type's `parse` accepts.
 *
 * @example
 * window.parent.postMessage({ type: 'OPEN_RECORD', requestId: 'r-7', payload: { id: 42 } }, 'https://ucp.example.com')
 */
export interface CrmCustomMessage extends CrmRequestFields {
  type: string
  payload?: unknown
}

/** Every message a CRM page may send to UCP. */
export type CrmToUcpMessage =
  CrmCloseTabMessage | CrmMakeCallMessage | CrmHelloRequestMessage | CrmCustomMessage

/**
 * A custom message type as both sides may declare it once, in TypeScript: the payload the page
 * sends and the result UCP's handler answers with.
 *
 * @example
 * interface UcpProtocol {
 *   OPEN_RECORD: { payload: { id: number }; result: void }
 *   GET_AGENT_STATE: { payload: undefined; result: { state: 'ready' | 'busy' } }
 * }
 */
export interface CrmMessageSpec {
  payload: unknown
  result: unknown
}

/**
 * A map of custom message types to their {@link CrmMessageSpec}: the one TypeScript description of
 * a UCP's own messages that `createCrmBridge<P>()` and `createCrmClient<P>()` share.
 */
export type CrmProtocol<P = Record<string, CrmMessageSpec>> = { [K in keyof P]: CrmMessageSpec }

/** Where a call stands, as a CRM page hears of it: the statuses of a call that has not ended. */
export type CrmCallLiveStatus = 'dialing' | 'placed' | 'ringing' | 'connected'

/** How a call ended. */
export type CrmCallEndReason =
  'completed' | 'busy' | 'no-answer' | 'rejected' | 'cancelled' | 'failed'

/**
 * A call of the page's tab that has not ended, as UCP's hello lists it: a reloaded page picks its
 * calls up again from there.
 */
export interface UcpHelloCall {
  /**
   * The `requestId` the page sent with the call's `MAKE_CALL`; UCP's own id of the call (its
   * `requestId` in `crmCalls`) when that message carried none.
   */
  requestId: string
  status: CrmCallLiveStatus
  /** `Date.now()` in UCP when the call reached `status`. */
  at: number
}

/**
 * UCP's hello, its answer to `CRM_HELLO`: posted to the window that asked, with targetOrigin set to
 * the origin it asked from, if that window is a tab's frame at an allowed origin.
 *
 * @example
 * { type: 'UCP_HELLO', version: 1, tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }
 */
export interface UcpHelloMessage {
  type: 'UCP_HELLO'
  version: number
  /** The id of the tab the frame shows. */
  tabId: string
  /**
   * The tab's calls that have not ended; from this hello on, this page hears their status. Absent
   * from UCPs older than call progress.
   */
  calls?: UcpHelloCall[]
  /**
   * The message types this page's origin may send (`CRM_HELLO` is always allowed and not listed).
   * Absent from UCPs older than grants: then every type may be tried.
   */
  types?: string[]
}

/**
 * Call progress, posted only to the page that asked for the call (with a `requestId`), at the
 * origin it asked from, while it shows the document that asked, or to a page whose hello listed
 * the call. Each call gets at most one `ended`, the last status it is told.
 *
 * @example
 * { type: 'UCP_CALL_STATUS', version: 1, requestId: 'r-1', status: 'connected', at: 1764086405000 }
 * { type: 'UCP_CALL_STATUS', version: 1, requestId: 'r-1', status: 'ended', at: 1764086447000,
 *   durationMs: 42000, reason: 'completed' }
 */
export interface UcpCallStatusMessage {
  type: 'UCP_CALL_STATUS'
  version: number
  /** As in {@link UcpHelloCall}: the page's own id of the call, else UCP's. */
  requestId: string
  status: 'ringing' | 'connected' | 'ended'
  /** `Date.now()` in UCP when the call reached `status`. */
  at: number
  /** With `ended` only: talk time, from connected to ended; 0 if it never connected. */
  durationMs?: number
  /** With `ended` only. */
  reason?: CrmCallEndReason
}

/**
 * Why a message or a request was turned down, or failed. Short, stable codes that never carry the
 * message's data. See `docs/protocol.md` for each one.
 */
export type CrmRejectReason =
  | 'unknown-source'
  | 'ambiguous-source'
  | 'origin-not-allowed'
  | 'opaque-origin'
  | 'unknown-type'
  | 'unsupported-version'
  | 'invalid-message'
  | 'invalid-destination'
  | 'duplicate'
  | 'rate-limited'
  | 'unknown-tab'
  | 'not-permitted'
  | 'dial-failed'
  | 'internal-error'
  /** The bridge was destroyed before the request was carried out. */
  | 'unavailable'
  /** The page's origin may not send this message type (`grants`). */
  | 'not-granted'
  /** The handler of a custom message type threw or rejected. */
  | 'failed'

/** The `type` of the answer to a message of type `T`. */
export type CrmResultType<T extends string = CrmMessageType> = `${T}_RESULT`

/**
 * UCP's one answer to a message that carried a `requestId`, posted to the sender with
 * targetOrigin set to the sender's origin (never `'*'`).
 *
 * @example
 * { type: 'MAKE_CALL_RESULT', requestId: 'r-1', version: 1, ok: true }
 * { type: 'MAKE_CALL_RESULT', requestId: 'r-2', version: 1, ok: false,
 *   error: { code: 'invalid-destination', message: 'no dialable destination' } }
 */
export type UcpResultMessage =
  | {
      type: CrmResultType<string>
      requestId: string
      version: number
      ok: true
      /** A custom message type's result, when its handler returned one (JSON data). */
      result?: unknown
    }
  | {
      type: CrmResultType<string>
      requestId: string
      version: number
      ok: false
      error: { code: CrmRejectReason; message: string }
    }

/** Every message UCP sends to a CRM page. */
export type UcpToCrmMessage = UcpHelloMessage | UcpResultMessage | UcpCallStatusMessage

/**
 * What UCP posted back to a frame for one of its messages: the answer's type, and its code when it
 * refused or failed. Plain data, without the page's request id.
 */
export interface CrmPostedAnswer {
  /** `'CLOSE_CRM_TAB_RESULT'`, `'MAKE_CALL_RESULT'`, or `'UCP_HELLO'` for a `CRM_HELLO`. */
  type: string
  code?: CrmRejectReason
}
