import type { CrmMessageType, CrmRejectReason } from '../protocol/types.js'

export type { CrmMessageType, CrmRejectReason }

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
  /** The message's own `requestId`, when the CRM page asked for an answer. */
  clientRequestId?: string
  /** UUID v4 made when the message was accepted; the call history and outcomes refer to it. */
  requestId: string
  /** `Date.now()` when the message was accepted. */
  receivedAt: number
  /**
   * The id of the bridge that received the message, made when the bridge was. Only that bridge acts
   * on the request, however many bridges' middleware share the store.
   */
  bridgeId?: string
}

/** Payload of `crm/closeRequested`: the tab named by the frame, if it named one. */
export interface CrmCloseRequestPayload {
  id?: string
}

/**
 * Payload of `telephony/makeCallRequested`: the destination, already normalized, and the extension
 * split off it, if the number had one (absent otherwise, never `undefined`).
 *
 * @example
 * const payload: CrmMakeCallPayload = { destination: '5551234', extension: '89' }
 */
export interface CrmMakeCallPayload {
  destination: string
  /** Digits to dial once the call is answered: `89` of `'555-1234 ext. 89'`. */
  extension?: string
}
