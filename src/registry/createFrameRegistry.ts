import { createErrorReporter } from '../diagnostics/onError.js'
import { CrmBridgeError } from '../errors/CrmBridgeError.js'
import type { CrmFrameRegistry, CrmFrameRegistryChange, CrmFrameRegistryOptions } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

function isFrameElement(frame: unknown): frame is HTMLIFrameElement {
  return typeof frame === 'object' && frame !== null && 'contentWindow' in frame
}

/**
 * Makes an empty {@link CrmFrameRegistry}. `createCrmBridge` makes one for each bridge, with its
 * `onError`.
 */
export function createFrameRegistry(options: CrmFrameRegistryOptions = {}): CrmFrameRegistry {
  const report = createErrorReporter(options.onError)
  const frames = new Map<string, HTMLIFrameElement>()
  const tabIdByFrame = new WeakMap<HTMLIFrameElement, string>()
  // Weak, so that a window whose frame is gone is not kept alive by the registry.
  const tabIdByWindow = new WeakMap<object, string>()
  const listeners = new Set<(change: CrmFrameRegistryChange) => void>()

  // The registry has changed before its subscribers hear of it, and each one hears of it whatever
  // another throws: a subscriber's error never leaves a register or an unregister half done.
  function notify(change: CrmFrameRegistryChange): void {
    for (const listener of [...listeners]) {
      try {
        listener(change)
      } catch (error) {
        report(error, 'registrySubscriber')
      }
    }
  }

  function unregister(tabId: string): boolean {
    const frame = frames.get(tabId)
    if (!frame) return false
    frames.delete(tabId)
    tabIdByFrame.delete(frame)
    notify({ type: 'unregistered', tabId, frame })
    return true
  }

  function register(tabId: string, frame: HTMLIFrameElement): () => void {
    if (typeof tabId !== 'string' || tabId === '') {
      throw new CrmBridgeError(
        'invalid-frame',
        process.env.NODE_ENV !== 'production'
          ? 'register() needs the tab id as a non-empty string'
          : undefined,
      )
    }
    if (!isFrameElement(frame)) {
      throw new CrmBridgeError(
        'invalid-frame',
        process.env.NODE_ENV !== 'production' ? 'register() needs an iframe element' : undefined,
      )
    }
    const owner = tabIdByFrame.get(frame)
    if (owner !== undefined && owner !== tabId) {
      throw new CrmBridgeError(
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
    notify({ type: 'registered', tabId, frame })
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
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}
