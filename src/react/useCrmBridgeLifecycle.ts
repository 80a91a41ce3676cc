import { useEffect, useStore } from './reactApis.js'
import type { CrmBridge, CrmStore } from '../index.js'

/**
 * Starts `bridge` with the react-redux store when the component mounts and stops it when it
 * unmounts. {@link CrmBridgeProvider} calls it; call it yourself to start a bridge without one.
 * Under StrictMode's mount, unmount and mount again it ends started, listening once.
 *
 * @example
 * function Shell() {
 *   useCrmBridgeLifecycle(crm)
 *   return <CrmFrames />
 * }
 */
export function useCrmBridgeLifecycle(bridge: CrmBridge): void {
  const store = useStore() as unknown as CrmStore
  // `start` returns its `stop`: exactly the effect's cleanup.
  useEffect(() => bridge.start(store), [bridge, store])
}
