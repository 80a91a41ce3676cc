import type { ReportError } from '../onError.js'
import { originOfTab } from '../crmTabs/originOfTab.js'
import type { CrmTab } from '../crmTabs/types.js'

/** Which origins may send for a tab besides the origin of the tab's URL: exact origins, or a predicate. */
export type CrmAllowedOrigins = readonly string[] | ((origin: string, tab: CrmTab) => boolean)

/**
 * Which message types each origin may send: exact origins to their list of types (an origin not
 * listed may send none), or a predicate. `CRM_HELLO` is always allowed.
 *
 * @example
 * grants: {
 *   'https://crm.example.com': ['CLOSE_CRM_TAB', 'MAKE_CALL', 'OPEN_RECORD'],
 *   'https://reports.example.com': ['OPEN_RECORD'],
 * }
 * grants: (origin, type, tab) => type !== 'MAKE_CALL' || origin === 'https://crm.example.com'
 */
export type CrmGrants =
  | Readonly<Record<string, readonly string[]>>
  | ((origin: string, type: string, tab: CrmTab) => boolean)

/**
 * Who may send what: the origins allowed for a tab, then the types each may send. The options were
 * checked in development builds (`checkOptions`); a host predicate that throws is reported and
 * refuses.
 */
export function createOriginPolicy(
  allowed: CrmAllowedOrigins | undefined,
  grants: CrmGrants | undefined,
  report: ReportError,
) {
  const extra: ReadonlySet<string> = new Set(typeof allowed === 'function' ? [] : allowed)

  /** Calls a host predicate: a throw is reported as `raisedBy` and refuses. */
  function ask(raisedBy: 'allowedOrigins' | 'grants', answer: () => unknown): boolean {
    try {
      return answer() === true
    } catch (error) {
      report(error, raisedBy)
      return false
    }
  }

  return {
    /** Whether `origin` may send for `tab`. An opaque origin (`'null'`) passes only the predicate. */
    isAllowed(origin: string, tab: CrmTab): boolean {
      if (origin !== 'null' && (origin === originOfTab(tab) || extra.has(origin))) return true
      return typeof allowed === 'function' && ask('allowedOrigins', () => allowed(origin, tab))
    },
    /** Whether `origin`, allowed for `tab`, may send `type`: always, without `grants`. */
    mayUse(origin: string, type: string, tab: CrmTab): boolean {
      if (grants === undefined) return true
      if (typeof grants === 'function') return ask('grants', () => grants(origin, type, tab))
      // Own keys only: an origin is data from the browser, never a prototype's property.
      return Object.hasOwn(grants, origin) && grants[origin]!.includes(type)
    },
  }
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>
