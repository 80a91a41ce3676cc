import type { ReportError } from '../onError.js'
import { CrmBridgeError } from '../CrmBridgeError.js'
import { originOfTab } from '../crmTabs/originOfTab.js'
import type { CrmTab } from '../crmTabs/types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

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

const invalid = (text: string | undefined): never => {
  throw new CrmBridgeError('invalid-option', text)
}

/** Throws `invalid-option` unless `origin` is an exact origin, as `new URL(…).origin` writes it. */
function checkOrigin(origin: unknown, option: string): void {
  let parsed: string | undefined
  try {
    parsed = new URL(origin as string).origin
  } catch {
    parsed = undefined
  }
  if (parsed !== origin || origin === 'null') {
    invalid(
      process.env.NODE_ENV !== 'production'
        ? `${option}: '${String(origin)}' is not an origin like 'https://crm.example.com'`
        : undefined,
    )
  }
}

/**
 * Checks `allowedOrigins` and `grants` once, when the bridge is made: every origin must be exact,
 * every granted type one the bridge knows (`types`). A predicate that throws is reported and refuses.
 */
export function createOriginPolicy(
  allowed: CrmAllowedOrigins | undefined,
  grants: CrmGrants | undefined,
  types: ReadonlySet<string>,
  report: ReportError,
) {
  let extra: ReadonlySet<string> = new Set()
  if (allowed !== undefined && typeof allowed !== 'function') {
    if (!Array.isArray(allowed)) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? 'allowedOrigins must be an array or a function'
          : undefined,
      )
    }
    for (const origin of allowed) checkOrigin(origin, 'allowedOrigins')
    extra = new Set(allowed)
  }
  let granted: Map<string, ReadonlySet<string>> | undefined
  if (grants !== undefined && typeof grants !== 'function') {
    if (typeof grants !== 'object' || grants === null) {
      invalid(
        process.env.NODE_ENV !== 'production'
          ? 'grants must be an object of origins or a function'
          : undefined,
      )
    }
    granted = new Map()
    for (const [origin, list] of Object.entries(grants)) {
      checkOrigin(origin, 'grants')
      if (!Array.isArray(list) || list.some((type) => !types.has(type))) {
        invalid(
          process.env.NODE_ENV !== 'production'
            ? `grants['${origin}'] must list types the bridge knows: ${[...types].join(', ')}`
            : undefined,
        )
      }
      granted.set(origin, new Set(list))
    }
  }

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
      return granted!.get(origin)?.has(type) === true
    },
  }
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>
