// The wire format, shared by the host (`ucp-crm-bridge`) and the CRM page (`ucp-crm-bridge/client`)
// so that the two sides cannot drift. Types only, plus the version: nothing here pulls in Redux.

/**
 * The protocol version this package speaks. Every hello and answer carries it. A message without
 * `version` is version 1, as the spec's messages are.
 */
export const CRM_PROTOCOL_VERSION = 1

/** The message types a CRM page sends to command UCP, as in the spec. */
export type CrmMessageType = 'CLOSE_CRM_TAB' | 'MAKE_CALL'

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

/** Every message a CRM page may send to UCP. */
export type CrmToUcpMessage = CrmCloseTabMessage | CrmMakeCallMessage | CrmHelloRequestMessage

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
  | { type: CrmResultType<string>; requestId: string; version: number; ok: true }
  | {
      type: CrmResultType<string>
      requestId: string
      version: number
      ok: false
      error: { code: CrmRejectReason; message: string }
    }

/** Every message UCP sends to a CRM page. */
export type UcpToCrmMessage = UcpHelloMessage | UcpResultMessage

/**
 * What UCP posted back to a frame for one of its messages: the answer's type, and its code when it
 * refused or failed. Plain data, without the page's request id.
 */
export interface CrmPostedAnswer {
  /** `'CLOSE_CRM_TAB_RESULT'`, `'MAKE_CALL_RESULT'`, or `'UCP_HELLO'` for a `CRM_HELLO`. */
  type: string
  code?: CrmRejectReason
}
