/** The message types of the protocol (`../shared/spec/ucp-crm-iframe-communication.txt`). */
export type CrmMessageType = 'CLOSE_CRM_TAB' | 'MAKE_CALL'

/**
 * Who sent an accepted message: plain data, resolved by the bridge before anything is dispatched.
 *
 * @example
 * const sender: CrmSender = { origin: 'https://crm.example.com', tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479' }
 */
export interface CrmSender {
  /** `event.origin` of the message, already checked against the tab's allowed origins. */
  origin: string
  /** The id of the tab whose frame sent the message. */
  tabId: string
}

/** The `meta` of every action the bridge dispatches: the sender plus an id and a time of receipt. */
export interface CrmRequestMeta extends CrmSender {
  /** UUID v4 made when the message was accepted; the call history and outcomes refer to it. */
  requestId: string
  /** `Date.now()` when the message was accepted. */
  receivedAt: number
}

/** Payload of `crm/closeRequested`: the tab named by the frame, if it named one. */
export interface CrmCloseRequestPayload {
  id?: string
}

/** Payload of `telephony/makeCallRequested`: the destination, already normalized. */
export interface CrmMakeCallPayload {
  destination: string
}

/**
 * Why a message or a request was turned down. Short, stable codes: safe to count, to log and to
 * show; they never carry the message's data.
 *
 * - `unknown-source`: the sender is not the frame of an open CRM tab (a popup, the top window,
 *   another frame, a frame that was removed, a `null` source).
 * - `ambiguous-source`: the spec's fallback found the frame, but several open tabs share its URL.
 * - `origin-not-allowed`: the frame's origin is not its tab's origin nor in `allowedOrigins`.
 * - `unknown-type`: a CRM tab sent a `type` the protocol does not know.
 * - `invalid-message`: a known type whose fields have the wrong shape.
 * - `invalid-destination`: `MAKE_CALL` without a dialable destination (not a string, empty after
 *   normalizing, or more than 32 digits).
 * - `unknown-tab`: `CLOSE_CRM_TAB` named a tab that is not open.
 * - `not-permitted`: the close was refused (another origin's tab, or `canClose` said no).
 * - `internal-error`: the host's own code threw while handling the message (a reducer, a hook).
 */
export type CrmRejectReason =
  | 'unknown-source'
  | 'ambiguous-source'
  | 'origin-not-allowed'
  | 'unknown-type'
  | 'invalid-message'
  | 'invalid-destination'
  | 'unknown-tab'
  | 'not-permitted'
  | 'internal-error'

/**
 * What `onRejected` receives. It never contains the message's data, so no phone number.
 *
 * @example
 * createCrmBridge({
 *   telephony,
 *   onRejected: ({ reason, type, origin }) => metrics.increment(`crm.rejected.${reason}`, { type, origin }),
 * })
 */
export interface CrmRejection {
  reason: CrmRejectReason
  /** The message type, when it is one of the protocol's. */
  type?: CrmMessageType
  /** `event.origin` of the message. */
  origin: string
  /** The sender's tab, when it was resolved. */
  tabId?: string
}
