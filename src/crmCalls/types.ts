/** Where a call request stands. */
export type CrmCallStatus = 'requested' | 'dialing' | 'placed' | 'failed'

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
 *   status: 'placed',
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
  readonly requestedAt: number
  readonly status: CrmCallStatus
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
