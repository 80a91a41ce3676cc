import { createContext, useContext } from 'react'
import type { CrmBridge } from '../index.js'

/** The bridge that {@link CrmBridgeProvider} hands to the components below it. */
export const CrmBridgeContext = createContext<CrmBridge | null>(null)

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
