import type { CrmErrorHandler } from '../diagnostics/onError.js'

/** Options of {@link createFrameRegistry}. */
export interface CrmFrameRegistryOptions {
  /**
   * Told of an error thrown by a subscriber (`raisedBy: 'registrySubscriber'`); the other
   * subscribers still hear of the change. Default: `console.error` in development builds, nothing
   * in production.
   */
  onError?: CrmErrorHandler
}

/** A change of the registry, as its subscribers hear of it. */
export interface CrmFrameRegistryChange {
  type: 'registered' | 'unregistered'
  tabId: string
  frame: HTMLIFrameElement
}

/**
 * The iframe registry: which iframe element shows which tab. It holds the elements so that the
 * store never has to; the bridge asks it which tab a message's `event.source` belongs to.
 *
 * @example
 * const unregister = crm.registry.register(tab.id, iframeElement) // when the tab's iframe is rendered
 * crm.registry.tabIdFor(event.source)                               // tab.id
 * unregister()                                                      // when it is unmounted
 */
export interface CrmFrameRegistry {
  /**
   * Ties `frame` to the tab `tabId`, replacing any frame the tab had. Returns a function that
   * unregisters this frame (and does nothing if the tab has another frame by then).
   * Throws a `CrmBridgeError` (`frame-already-registered`) if `frame` shows another tab.
   */
  register(tabId: string, frame: HTMLIFrameElement): () => void
  /** Forgets the tab's frame; `false` if it had none. */
  unregister(tabId: string): boolean
  /** The frame of a tab, if registered. */
  frameFor(tabId: string): HTMLIFrameElement | undefined
  /** The tab whose frame's window is `source`, if any. Constant time for a known sender. */
  tabIdFor(source: unknown): string | undefined
  /** How many frames are registered. */
  readonly size: number
  /** Forgets every frame. */
  clear(): void
  /** Calls `visit` for each registered frame. */
  forEach(visit: (frame: HTMLIFrameElement, tabId: string) => void): void
  /**
   * Hears of every frame registered or unregistered from now on; returns the unsubscribe function.
   * A listener that throws is reported to `onError`, never to the caller of `register`.
   */
  subscribe(listener: (change: CrmFrameRegistryChange) => void): () => void
}
