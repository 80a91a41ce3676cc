import type { CrmCallEndReason } from '../protocol/types.js'

export type { CrmCallEndReason }

/**
 * Where a call stands. It only moves forward: `requested → dialing → placed → ringing → connected
 * → ended`, a softphone's event may skip a step (`dialing → connected`), and `failed` (the dial did
 * not go through) and `ended` are final.
 */
export type CrmCallStatus =
  'requested' | 'dialing' | 'placed' | 'ringing' | 'connected' | 'ended' | 'failed'

/** A dial failure in plain data: what `telephony.dial` threw or rejected with. */
export interface CrmCallError {
  name?: string
  message?: string
  code?: string
}

/**
 * One `MAKE_CALL` request and what became of it.
 *
 * @example
 * const call: CrmCallRequest = {
 *   requestId: '9b2f8c1e-4f5a-4d7b-8c9d-0e1f2a3b4c5d',
 *   destination: '15551234567',
 *   tabId: 'f47ac10b-58cc-4372-a567-0e02b2c3d479',
 *   origin: 'https://crm.example.com',
 *   requestedAt: 1764086400000,
 *   dialingAt: 1764086400002,
 *   placedAt: 1764086400350,
 *   connectedAt: 1764086405000,
 *   endedAt: 1764086447000,
 *   status: 'ended',
 *   durationMs: 42000,
 *   endReason: 'completed',
 *   extension: '89',
 * }
 */
export interface CrmCallRequest {
  readonly requestId: string
  /** The normalized destination handed to `telephony.dial`. */
  readonly destination: string
  /** The extension handed to `telephony.dial` with it, when the number had one. */
  readonly extension?: string
  /** The tab whose frame asked for the call. */
  readonly tabId: string
  readonly origin: string
  /** The page's own `requestId` for the call, when its `MAKE_CALL` carried one. */
  readonly clientRequestId?: string
  readonly status: CrmCallStatus
  /** `Date.now()` when each step was reached; a step the call skipped has none. */
  readonly requestedAt: number
  readonly dialingAt?: number
  readonly placedAt?: number
  readonly ringingAt?: number
  readonly connectedAt?: number
  readonly endedAt?: number
  readonly failedAt?: number
  /** Once `ended`: talk time, from connected to ended; 0 if it never connected. */
  readonly durationMs?: number
  /** Once `ended`: how. */
  readonly endReason?: CrmCallEndReason
  /** Set when `status` is `'failed'`. */
  readonly error?: CrmCallError
}

/**
 * The `crmCalls` slice: the most recent call requests, oldest first, at most
 * {@link CRM_CALL_HISTORY_LIMIT}. A bounded log rather than an entity table: nothing else in the
 * state refers to a call, and an array keeps the cost of each call independent of the history's
 * length (see docs/performance.md). Frozen: readonly in its types too.
 */
export type CrmCallsState = readonly CrmCallRequest[]
