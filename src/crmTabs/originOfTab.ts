import type { CrmTab } from './types.js'

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
