import type { CrmTab } from '../crmTabs/types.js'

/**
 * What `canClose` is asked. `allowedByDefault` is the package's own answer: `true` when the
 * sender closes its own tab, or a tab whose URL's origin is the origin the message came from (not
 * merely the origin of the sender's tab: a page that `allowedOrigins` lets speak for a tab does not
 * own that tab's neighbours).
 *
 * @example
 * createCrmBridge({
 *   telephony,
 *   canClose: ({ target, allowedByDefault }) => allowedByDefault && !callInProgressIn(target.id),
 * })
 */
export interface CrmCloseCheck {
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
