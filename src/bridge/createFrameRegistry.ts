import { failWith as invalid } from '../CrmBridgeError.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/**
 * The iframe registry: which iframe element shows which tab. It holds the elements so that the
 * store never has to; the bridge asks it which tab a message's `event.source` belongs to. A UCP
 * listener that still lives beside the bridge asks it the same (`tabIdFor`).
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
  /** The frame of a tab, if registered. */
  frameFor(tabId: string): HTMLIFrameElement | undefined
  /** The tab whose frame's window is `source`, if any. Constant time for a known sender. */
  tabIdFor(source: unknown): string | undefined
  /** How many frames are registered. */
  readonly size: number
}

/** A frame registered or unregistered, as the bridge hears of it. */
export interface FrameChange {
  type: 'registered' | 'unregistered'
  tabId: string
  frame: HTMLIFrameElement
}

/** The registry as the bridge itself uses it: it also forgets frames and says when they change. */
export interface FrameRegistry extends CrmFrameRegistry {
  /** Forgets the tab's frame; `false` if it had none. */
  unregister(tabId: string): boolean
  /** Forgets every frame. */
  clear(): void
  /** Calls `visit` for each registered frame. */
  forEach(visit: (frame: HTMLIFrameElement, tabId: string) => void): void
}

function isFrameElement(frame: unknown): frame is HTMLIFrameElement {
  return typeof frame === 'object' && frame !== null && 'contentWindow' in frame
}

/**
 * Makes an empty registry. `onChange` hears of every change once the registry has made it; it is
 * the bridge's own code, which never throws.
 */
export function createFrameRegistry(
  onChange: (change: FrameChange) => void = () => {},
): FrameRegistry {
  const frames = new Map<string, HTMLIFrameElement>()
  const tabIdByFrame = new WeakMap<HTMLIFrameElement, string>()
  // Weak, so that a window whose frame is gone is not kept alive by the registry.
  const tabIdByWindow = new WeakMap<object, string>()

  function unregister(tabId: string): boolean {
    const frame = frames.get(tabId)
    if (!frame) return false
    frames.delete(tabId)
    tabIdByFrame.delete(frame)
    onChange({ type: 'unregistered', tabId, frame })
    return true
  }

  function register(tabId: string, frame: HTMLIFrameElement): () => void {
    if (typeof tabId !== 'string' || tabId === '') {
      invalid(
        'invalid-frame',
        process.env.NODE_ENV !== 'production'
          ? 'register() needs the tab id as a non-empty string'
          : undefined,
      )
    }
    if (!isFrameElement(frame))
      invalid(
        'invalid-frame',
        process.env.NODE_ENV !== 'production' ? 'register() needs an iframe element' : undefined,
      )
    const owner = tabIdByFrame.get(frame)
    if (owner !== undefined && owner !== tabId) {
      invalid(
        'frame-already-registered',
        process.env.NODE_ENV !== 'production'
          ? `this iframe is registered for tab ${owner}; unregister it before registering it for ${tabId}`
          : undefined,
      )
    }
    const release = () => {
      if (frames.get(tabId) === frame) unregister(tabId)
    }
    const previous = frames.get(tabId)
    if (previous === frame) return release // registering twice (React StrictMode) changes nothing
    if (previous) unregister(tabId)
    frames.set(tabId, frame)
    tabIdByFrame.set(frame, tabId)
    const view = frame.contentWindow
    if (view) tabIdByWindow.set(view, tabId)
    onChange({ type: 'registered', tabId, frame })
    return release
  }

  function tabIdFor(source: unknown): string | undefined {
    if (typeof source !== 'object' || source === null) return undefined
    const known = tabIdByWindow.get(source)
    if (known !== undefined && frames.get(known)?.contentWindow === source) return known
    // A miss: the frame may have had no window when registered, or may have been moved in the DOM
    // (which gives it a new window). Look once through the registered frames and remember.
    for (const [tabId, frame] of frames) {
      if (frame.contentWindow === source) {
        tabIdByWindow.set(source, tabId)
        return tabId
      }
    }
    return undefined
  }

  return {
    register,
    unregister,
    frameFor: (tabId) => frames.get(tabId),
    tabIdFor,
    get size() {
      return frames.size
    },
    clear() {
      for (const tabId of [...frames.keys()]) unregister(tabId)
    },
    forEach(visit) {
      for (const [tabId, frame] of [...frames]) visit(frame, tabId)
    },
  }
}
