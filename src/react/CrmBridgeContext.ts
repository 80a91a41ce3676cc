import { createContext, useContext, type Context } from 'react'
import type { CrmBridge } from '../index.js'

// Node may load both builds of the package (ESM for `import`, CommonJS for `require`); a provider
// from one must serve the hooks of the other. So the context lives in the global symbol registry,
// one per React (keyed by its createContext), as react-redux keeps its own.
const CONTEXTS = Symbol.for('ucp-crm-bridge.CrmBridgeContext')

function sharedContext(): Context<CrmBridge | null> {
  const registry = globalThis as { [CONTEXTS]?: Map<unknown, Context<CrmBridge | null>> }
  const contexts = (registry[CONTEXTS] ??= new Map())
  let context = contexts.get(createContext)
  if (!context) contexts.set(createContext, (context = createContext<CrmBridge | null>(null)))
  return context
}

/** The bridge that {@link CrmBridgeProvider} hands to the components below it. */
export const CrmBridgeContext = sharedContext()

/**
 * The bridge of the nearest {@link CrmBridgeProvider}. Throws outside of one, since a tab frame that
 * no bridge knows would silently never be obeyed.
 *
 * @example
 * const crm = useCrmBridge()
 * <button onClick={() => dispatch(crm.closeTab(tab.id))}>×</button>
 */
export function useCrmBridge(): CrmBridge {
  const bridge = useContext(CrmBridgeContext)
  if (!bridge) throw new Error('ucp-crm-bridge/react: render this inside <CrmBridgeProvider>')
  return bridge
}
