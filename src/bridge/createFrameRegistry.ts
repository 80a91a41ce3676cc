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

/** The registry as the bridge itself uses it: it also forgets frames. */
export interface FrameRegistry extends CrmFrameRegistry {
  /** Forgets the tab's frame; `false` if it had none. */
  unregister(tabId: string): boolean
  /** `destroy()`: forgets every frame, removes every listener it added, and adds none again. */
  clear(): void
}

function isFrameElement(frame: unknown): frame is HTMLIFrameElement {
  return typeof frame === 'object' && frame !== null && 'contentWindow' in frame
}

/**
 * Makes an empty registry. It follows which page each registered frame shows: a frame's `load`
 * event fires on each reload or navigation (`loaded`), and an unregistered frame shows its tab no
 * more. Either way the page that was there is gone, and `onPageGone` hears of it (the bridge's own
 * code, which never throws), so that what that page was owed is dropped. Nothing is posted to the new page: UCP
 * speaks only when spoken to, and the new page asks for its hello itself.
 */
export function createFrameRegistry(
  onPageGone: (tabId: string, loaded?: true) => void = () => {},
): FrameRegistry {
  const frames = new Map<string, HTMLIFrameElement>()
  // Weak, so that a window whose frame is gone is not kept alive by the registry.
  const tabIdByWindow = new WeakMap<object, string>()
  let watching = true

  /** Every registered frame's `load` listener: the frame names its tab. */
  function onLoad(event: Event): void {
    for (const [tabId, frame] of frames) if (frame === event.currentTarget) onPageGone(tabId, true)
  }

  function unregister(tabId: string): boolean {
    const frame = frames.get(tabId)
    if (!frame) return false
    frames.delete(tabId)
    frame.removeEventListener('load', onLoad)
    if (watching) onPageGone(tabId)
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
    // A look through the frames: registering is rare, and a map from frames would be one more to keep.
    for (const [owner, shown] of frames) {
      if (shown !== frame || owner === tabId) continue
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
    // Its window is not read here: a frame that has not loaded its page yet shows the initial
    // about:blank, and reading that window makes the browser build it a script context in UCP's
    // heap (about 0.2 MB in Chromium, and the time to build it). `tabIdFor` finds it on the first
    // message, when the page has loaded.
    if (watching) frame.addEventListener('load', onLoad)
    return release
  }

  function tabIdFor(source: unknown): string | undefined {
    if (typeof source !== 'object' || source === null) return undefined
    const known = tabIdByWindow.get(source)
    if (known !== undefined && frames.get(known)?.contentWindow === source) return known
    // A miss: the frame's first message (windows are not read at registration), or a frame moved
    // in the DOM (which gives it a new window). Look once through the registered frames and remember.
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
      watching = false
      for (const tabId of [...frames.keys()]) unregister(tabId)
    },
  }
}
