import type { ReactNode } from 'react'
import type { CrmBridge } from '../index.js'
import { CrmBridgeContext } from './CrmBridgeContext.js'
import { useCrmBridgeLifecycle } from './useCrmBridgeLifecycle.js'

/**
 * Props of {@link CrmBridgeProvider}.
 *
 * @example
 * const props: CrmBridgeProviderProps = { bridge: crm, children: <CrmFrames /> }
 */
export interface CrmBridgeProviderProps {
  /** The bridge from `createCrmBridge`, whose middleware is in the react-redux store. */
  bridge: CrmBridge
  children?: ReactNode
}

/**
 * Listens to the CRM frames' messages while it is mounted, and gives `bridge` to the tab frames
 * below it. Render it inside react-redux's `<Provider>`, once per bridge.
 *
 * @example
 * const crm = createCrmBridge({ telephony })
 * const store = configureStore({
 *   reducer: { ...ucpReducers, ...crmReducers },
 *   middleware: (getDefault) => getDefault().prepend(crm.middleware),
 * })
 * root.render(
 *   <Provider store={store}>
 *     <CrmBridgeProvider bridge={crm}>
 *       <CrmFrames />
 *     </CrmBridgeProvider>
 *   </Provider>,
 * )
 */
export function CrmBridgeProvider({ bridge, children }: CrmBridgeProviderProps) {
  useCrmBridgeLifecycle(bridge)
  return <CrmBridgeContext.Provider value={bridge}>{children}</CrmBridgeContext.Provider>
}
