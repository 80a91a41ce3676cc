import type { CrmRejectReason } from '../protocol/types.js'

/**
 * What the bridge has seen since it was made: plain numbers, for a dashboard or a test.
 *
 * @example
 * const { accepted, rejected } = crm.getStats()
 * metrics.gauge('crm.rejected.origin', rejected['origin-not-allowed'] ?? 0)
 */
export interface CrmBridgeStats {
  /** Messages that became an action. */
  accepted: number
  /** Messages and requests turned down, by reason code. */
  rejected: Partial<Record<CrmRejectReason, number>>
  /** Messages that were not the protocol's (other scripts' traffic), ignored without a word. */
  ignored: number
}
