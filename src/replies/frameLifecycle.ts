import type { CrmFrameRegistry } from '../registry/types.js'

/**
 * Watches every registered frame's `load` event, which fires on each reload or navigation: the
 * page that was owed answers is gone, so `forgetPage` drops them. A tab's answers go too when its
 * frame is unregistered. Nothing is posted to the frame: UCP speaks only when spoken to, and the
 * new page asks for its hello itself. Returns the function that removes every listener it added.
 */
export function watchFrames(
  registry: CrmFrameRegistry,
  forgetPage: (tabId: string) => void,
): () => void {
  const watched = new Map<HTMLIFrameElement, () => void>()

  function watch(frame: HTMLIFrameElement, tabId: string): void {
    unwatch(frame)
    const onLoad = () => forgetPage(tabId)
    frame.addEventListener('load', onLoad)
    watched.set(frame, () => frame.removeEventListener('load', onLoad))
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
