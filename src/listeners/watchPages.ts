import type { FrameChange } from '../bridge/createFrameRegistry.js'

/**
 * Follows which page each registered frame shows. A frame's `load` event fires on each reload or
 * navigation, and an unregistered frame shows its tab no more: either way the page that asked is
 * gone, and `forgetPage` drops what it was owed. Nothing is posted to the new page: UCP speaks only
 * when spoken to, and the new page asks for its hello itself.
 */
export function watchPages(forgetPage: (tabId: string) => void) {
  const watched = new Map<HTMLIFrameElement, () => void>()
  let done = false

  function unwatch(frame: HTMLIFrameElement): void {
    watched.get(frame)?.()
    watched.delete(frame)
  }

  return {
    /** The registry's `onChange`. */
    onChange({ type, tabId, frame }: FrameChange): void {
      if (done) return
      unwatch(frame)
      if (type === 'registered') {
        const onLoad = () => forgetPage(tabId)
        frame.addEventListener('load', onLoad)
        watched.set(frame, () => frame.removeEventListener('load', onLoad))
      } else forgetPage(tabId)
    },
    /** Removes every listener it added, and adds none again: the bridge is destroyed. */
    clear(): void {
      done = true
      for (const frame of [...watched.keys()]) unwatch(frame)
    },
  }
}
