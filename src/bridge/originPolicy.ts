import { CrmBridgeError } from '../errors/CrmBridgeError.js'
import type { CrmTab } from '../crmTabs/types.js'
import type { CrmAllowedOrigins } from '../types.js'

// Tabs are immutable state objects, so a tab's parsed origin can be cached by identity.
const originCache = new WeakMap<CrmTab, string>()

/** The origin of a tab's URL, or `'null'` when it has none (an opaque or unparsable URL). */
export function originOfTab(tab: CrmTab): string {
  let origin = originCache.get(tab)
  if (origin === undefined) {
    try {
      origin = new URL(tab.url).origin
    } catch {
      origin = 'null'
    }
    originCache.set(tab, origin)
  }
  return origin
}

/** Checks `allowedOrigins` once, when the bridge is made: each string must be an origin. */
export function createOriginPolicy(allowed: CrmAllowedOrigins | undefined) {
  let extra: ReadonlySet<string> = new Set()
  let predicate: ((origin: string, tab: CrmTab) => boolean) | undefined
  if (typeof allowed === 'function') predicate = allowed
  else if (allowed !== undefined) {
    if (!Array.isArray(allowed)) {
      throw new CrmBridgeError('invalid-option', 'allowedOrigins must be an array or a function')
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
          `allowedOrigins: '${String(origin)}' is not an origin like 'https://crm.example.com'`,
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
    } catch {
      return false
    }
  }
}
