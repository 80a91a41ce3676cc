import { selectCrmTabById } from '../crmTabs/selectors.js'
import { CRM_PROTOCOL_VERSION, type UcpHelloMessage } from '../protocol/types.js'
import type { CrmFrameRegistry } from '../registry/types.js'
import type { CrmStore } from '../types.js'
import type { Answers } from './answers.js'
import { originOfTab } from './originPolicy.js'

/**
 * Posts the hello to a tab's frame, for `origin` only (default: the tab's own): the browser drops
 * it if the frame is elsewhere.
 */
export function postHello(
  store: CrmStore,
  tabId: string,
  target: MessageEventSource | null,
  origin?: string,
): void {
  const tab = selectCrmTabById(store.getState(), tabId)
  if (!tab || !target) return
  const targetOrigin = origin ?? originOfTab(tab)
  if (targetOrigin === 'null' || targetOrigin === '') return
  const hello: UcpHelloMessage = { type: 'UCP_HELLO', version: CRM_PROTOCOL_VERSION, tabId }
  try {
    ;(target as Window).postMessage(hello, targetOrigin)
  } catch {
    // The frame's window is gone.
  }
}

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
 * page that was owed answers is gone, so they are dropped, and the new page gets a hello. Returns
 * the function that removes every listener it added.
 */
export function watchFrames(
  store: CrmStore,
  registry: CrmFrameRegistry,
  answers: Answers,
): () => void {
  const watched = new Map<HTMLIFrameElement, () => void>()

  function watch(frame: HTMLIFrameElement, tabId: string): void {
    unwatch(frame)
    const onLoad = () => {
      answers.forgetTab(tabId)
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
      answers.forgetTab(change.tabId)
    }
  })
  return () => {
    unsubscribe()
    for (const frame of [...watched.keys()]) unwatch(frame)
  }
}
