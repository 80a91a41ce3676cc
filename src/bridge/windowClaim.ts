import { CrmBridgeError } from '../errors/CrmBridgeError.js'

// On the window itself, under a registered symbol, so that two copies of the package (two versions
// bundled by two micro-frontends, say) see each other's claim too.
const CLAIM = Symbol.for('ucp-crm-bridge.listening')

type Claimable = Window & { [CLAIM]?: string }

/**
 * Throws a `CrmBridgeError` (`window-in-use`) if a bridge other than `bridgeId` listens on `view`:
 * two bridges on one window would each handle every message, and dial each call twice.
 */
export function assertWindowFree(view: Window, bridgeId: string): void {
  const holder = (view as Claimable)[CLAIM]
  if (holder !== undefined && holder !== bridgeId) {
    throw new CrmBridgeError(
      'window-in-use',
      'start(): another bridge is started on this window; stop or destroy it first (one bridge per window, so that no message is handled twice)',
    )
  }
}

/** Claims `view` for `bridgeId`'s listener; returns the release, which forgets only its own claim. */
export function claimWindow(view: Window, bridgeId: string): () => void {
  assertWindowFree(view, bridgeId)
  Object.defineProperty(view, CLAIM, { value: bridgeId, configurable: true, writable: true })
  return () => {
    if ((view as Claimable)[CLAIM] === bridgeId) delete (view as Claimable)[CLAIM]
  }
}
