import type { Context } from 'react'
import { createContext, useContext } from './reactApis.js'
import { CrmBridgeError, type CrmBridge } from '../index.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

// Node may load both builds of the package (ESM for `import`, CommonJS for `require`); a provider
// from one must serve the hooks of the other. So both take the context from one global slot under
// a registry symbol, as react-redux does with its own.
type GlobalSlots = { [key: symbol]: Context<CrmBridge | null> }

/** The bridge that {@link CrmBridgeProvider} hands to the components below it. */
export const CrmBridgeContext = ((globalThis as GlobalSlots)[
  Symbol.for('ucp-crm-bridge.CrmBridgeContext')
] ??= createContext<CrmBridge | null>(null))

/**
 * The bridge of the nearest {@link CrmBridgeProvider}. Throws a `CrmBridgeError` (`no-provider`)
 * outside of one, since a tab frame that no bridge knows would silently never be obeyed.
 *
 * @example
 * const crm = useCrmBridge()
 * <button onClick={() => dispatch(crm.closeTab(tab.id))}>×</button>
 */
export function useCrmBridge(): CrmBridge {
  const bridge = useContext(CrmBridgeContext)
  if (!bridge) {
    throw new CrmBridgeError(
      'no-provider',
      process.env.NODE_ENV !== 'production'
        ? 'ucp-crm-bridge/react: render this inside <CrmBridgeProvider>'
        : undefined,
    )
  }
  return bridge
}
