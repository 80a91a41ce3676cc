import { createAction } from '../toolkit.js'
import { definedOnly } from '../definedOnly.js'
import { randomUuid } from '../randomUuid.js'
import type {
  CrmCloseRequestPayload,
  CrmMakeCallPayload,
  CrmRejectReason,
  CrmRequestMeta,
  CrmSender,
} from './types.js'

/**
 * The sender of a message, the message's own `requestId` when it asked for an answer, and the
 * bridge that received it.
 */
export interface CrmRequestSender extends CrmSender {
  clientRequestId?: string
  /** Set by the bridge: only that bridge acts on the request. Without it, no bridge does. */
  bridgeId?: string
}

// The request id and the time are made here, so that replaying the actions rebuilds the same state.
function requestMeta(sender: CrmRequestSender): CrmRequestMeta {
  return definedOnly({
    origin: sender.origin,
    tabId: sender.tabId,
    requestId: randomUuid(),
    receivedAt: Date.now(),
    clientRequestId: sender.clientRequestId,
    bridgeId: sender.bridgeId,
  })
}

/** A CRM frame asked to close its own tab (no `id`) or the tab `id`. Dispatched by the bridge. */
export const crmCloseRequested = createAction(
  'crm/closeRequested',
  (payload: CrmCloseRequestPayload, sender: CrmRequestSender) => ({
    // An absent id stays absent (not `id: undefined`), so the action survives a JSON round trip.
    payload: payload.id === undefined ? {} : { id: payload.id },
    meta: requestMeta(sender),
  }),
)

/**
 * A CRM frame asked to dial `destination` (already normalized), then `extension` if it has one.
 * Dispatched by the bridge.
 */
export const crmMakeCallRequested = createAction(
  'telephony/makeCallRequested',
  (payload: CrmMakeCallPayload, sender: CrmRequestSender) => ({
    // As with a close's id: no extension, no key, so the action survives a JSON round trip.
    payload: definedOnly<CrmMakeCallPayload>({
      destination: payload.destination,
      extension: payload.extension,
    }),
    meta: requestMeta(sender),
  }),
)

/** Payload of `crm/closeRejected`. */
export interface CrmCloseRejectedPayload {
  /** The `meta.requestId` of the `crm/closeRequested` it answers. */
  requestId: string
  /** The tab that was to be closed. */
  id: string
  reason: Extract<CrmRejectReason, 'unknown-tab' | 'not-permitted'>
}

/** The outcome of a close request that was not carried out. Dispatched by the listener. */
export const crmCloseRejected = createAction(
  'crm/closeRejected',
  (payload: CrmCloseRejectedPayload, sender: CrmSender) => ({
    payload,
    meta: { origin: sender.origin, tabId: sender.tabId },
  }),
)

/**
 * The action creator of a custom message type (`createCrmBridge({ messages })`): a CRM frame sent
 * `type`, and its payload, as `parse` returned it, is the action's payload. Its type is
 * `crm/${type}/requested` (`crm/OPEN_RECORD/requested`), its meta that of every request. The
 * bridge dispatches it; `crm.messages[type]` is the same creator, for UCP's listeners to `match`.
 *
 * @example
 * const openRecordRequested = createCrmMessageAction<{ id: number }>('OPEN_RECORD')
 * builder.addCase(openRecordRequested, (state, action) => {
 *   state.lastRecord = action.payload.id
 * })
 */
export function createCrmMessageAction<P = unknown, T extends string = string>(type: T) {
  return createAction(`crm/${type}/requested` as const, (payload: P, sender: CrmRequestSender) => ({
    payload,
    meta: requestMeta(sender),
  }))
}

/** The action creator of a custom message type `T` whose payload is `P`. */
export type CrmMessageActionCreator<P = unknown, T extends string = string> = ReturnType<
  typeof createCrmMessageAction<P, T>
>
