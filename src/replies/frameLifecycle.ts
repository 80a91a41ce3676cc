import type { CrmFrameRegistry } from '../registry/types.js'
import type { CrmStore } from '../store/types.js'
import { postHello } from './hello.js'

/** Whether the frame still shows the initial `about:blank`: readable, as that page is same-origin. */
function isBlank(frame: HTMLIFrameElement): boolean {
  try {
    return frame.contentWindow?.location.href === 'about:blank'
  } catch {
    return false // a cross-origin page: loaded
  }
}

/**
 * Watches every registered frame's `load` event, which fires on each reload or navigation: the
 * page that was owed answers is gone, so `forgetPage` drops them, and the new page gets a hello.
 * Returns the function that removes every listener it added.
 */
export function watchFrames(
  store: CrmStore,
  registry: CrmFrameRegistry,
  forgetPage: (tabId: string) => void,
): () => void {
  const watched = new Map<HTMLIFrameElement, () => void>()

  function watch(frame: HTMLIFrameElement, tabId: string): void {
    unwatch(frame)
    const onLoad = () => {
      forgetPage(tabId)
      postHello(store, tabId, frame.contentWindow)
    }
    frame.addEventListener('load', onLoad)
    watched.set(frame, () => frame.removeEventListener('load', onLoad))
    // The frame may have loaded already. While it still shows its initial blank page the hello would
    // only be dropped, with an error in the console: its `load` will greet it.
    if (!isBlank(frame)) postHello(store, tabId, frame.contentWindow)
  }

  function unwatch(frame: HTMLIFrameElement): void {
    watched.get(frame)?.()
    watched.delete(frame)
  }

  registry.forEach(watch)
  const unsubscribe = registry.subscribe((change) => {
    if (change.type === 'registered') watch(change.frame, change.tabId)
    else {
      unwatch(change.frame)
      forgetPage(change.tabId)
    }
  })
  return () => {
    unsubscribe()
    for (const frame of [...watched.keys()]) unwatch(frame)
  }
}
