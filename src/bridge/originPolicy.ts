import type { ReportError } from '../onError.js'
import { CrmBridgeError } from '../CrmBridgeError.js'
import { originOfTab } from '../crmTabs/originOfTab.js'
import type { CrmTab } from '../crmTabs/types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** Which origins may send for a tab besides the origin of the tab's URL: exact origins, or a predicate. */
export type CrmAllowedOrigins = readonly string[] | ((origin: string, tab: CrmTab) => boolean)

/**
 * Checks `allowedOrigins` once, when the bridge is made: each string must be an origin. A predicate
 * that throws is reported and refuses.
 */
export function createOriginPolicy(allowed: CrmAllowedOrigins | undefined, report: ReportError) {
  let extra: ReadonlySet<string> = new Set()
  let predicate: ((origin: string, tab: CrmTab) => boolean) | undefined
  if (typeof allowed === 'function') predicate = allowed
  else if (allowed !== undefined) {
    if (!Array.isArray(allowed)) {
      throw new CrmBridgeError(
        'invalid-option',
        process.env.NODE_ENV !== 'production'
          ? 'allowedOrigins must be an array or a function'
          : undefined,
      )
    }
    for (const origin of allowed) {
      let parsed: string | undefined
      try {
        parsed = new URL(origin).origin
      } catch {
        parsed = undefined
      }
      if (parsed !== origin || origin === 'null') {
        throw new CrmBridgeError(
          'invalid-option',
          process.env.NODE_ENV !== 'production'
            ? `allowedOrigins: '${String(origin)}' is not an origin like 'https://crm.example.com'`
            : undefined,
        )
      }
    }
    extra = new Set(allowed)
  }

  /** Whether `origin` may send for `tab`. An opaque origin (`'null'`) passes only the predicate. */
  return function isAllowed(origin: string, tab: CrmTab): boolean {
    if (origin !== 'null' && (origin === originOfTab(tab) || extra.has(origin))) return true
    if (!predicate) return false
    try {
      return predicate(origin, tab) === true
    } catch (error) {
      report(error, 'allowedOrigins')
      return false
    }
  }
}
