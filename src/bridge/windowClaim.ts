// Which bridge listens on a window: on the window itself, under a registered symbol, so that two
// copies of the package (two versions bundled by two micro-frontends, say) see each other's too.
const CLAIM = Symbol.for('ucp-crm-bridge.listening')

/** A window, as the claim sees it. */
export type Claimable = { [CLAIM]?: string }

/** The id of the bridge that listens on `view`, if any. */
export const claimOf = (view: Window): string | undefined => (view as Claimable)[CLAIM]

/** Claims `view` for `bridgeId`; returns the release, which forgets only that bridge's claim. */
export function claimWindow(view: Window, bridgeId: string): () => void {
  ;(view as Claimable)[CLAIM] = bridgeId
  return () => {
    if (claimOf(view) === bridgeId) delete (view as Claimable)[CLAIM]
  }
}
