import type { CrmBridge } from '../index.js'
import { cloneMessage } from './cloneMessage.js'
import { registeredWindow } from './registeredWindow.js'

/** Options of {@link simulateCrmMessage}. */
export interface SimulateCrmMessageOptions {
  /**
   * The origin the message comes from, as the browser would set `event.origin`. Default: the
   * origin of the frame's `src`, which is the tab's URL when `CrmFrames` rendered the frame. Give
   * another to see what UCP does with a frame that navigated elsewhere.
   */
  origin?: string
}

function originOf(frame: HTMLIFrameElement, tabId: string): string {
  try {
    return new URL(frame.src).origin
  } catch {
    throw new Error(
      `simulateCrmMessage: the frame of tab ${tabId} has no URL to take the origin from: pass { origin }`,
    )
  }
}

/**
 * Delivers `data` to UCP as the browser would after the page in the tab's registered frame called
 * `window.parent.postMessage(data, '*')`: a `message` event on the window that holds the frame,
 * whose `source` is the frame's window, whose `origin` is the frame's, and whose `data` is a
 * structured clone of `data` (data the browser cannot clone throws a `DataCloneError`, as
 * `postMessage` does; where there is no `structuredClone`, as in Jest's jsdom, plain data only).
 * The bridge started on that window handles it at once, so the store holds the package's action
 * when this returns; what UCP posts back comes later (see {@link recordCrmReplies}).
 *
 * A browser would deliver the event in a later task and only report what a `message` listener
 * threw; this rethrows it, so that the test sees it. Throws if the tab has no registered frame.
 *
 * Uses only the bridge's public registry, in jsdom or in a browser.
 *
 * @example
 * const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/contacts/42' })).payload
 * render(<Provider store={store}><CrmBridgeProvider bridge={crm}><CrmFrames /></CrmBridgeProvider></Provider>)
 *
 * simulateCrmMessage(crm, tab.id, { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } })
 * expect(store.getState().agent.status).toBe('dialing') // your reducer, on telephony/makeCallRequested
 */
export function simulateCrmMessage(
  bridge: Pick<CrmBridge, 'registry'>,
  tabId: string,
  data: unknown,
  options: SimulateCrmMessageOptions = {},
): MessageEvent {
  const { frame, view } = registeredWindow(bridge, tabId, 'simulateCrmMessage')
  const parent = frame.ownerDocument.defaultView
  if (parent === null) {
    throw new Error(`simulateCrmMessage: the frame of tab ${tabId} is in a document with no window`)
  }
  const origin = options.origin ?? originOf(frame, tabId)
  // The receiving window's own constructor: a window that is not the test's global one works too.
  const event = new parent.MessageEvent('message', {
    data: cloneMessage(data),
    origin,
    source: view,
  })
  const thrown: unknown[] = []
  const onError = (error: ErrorEvent) => {
    thrown.push(error.error)
    error.preventDefault()
  }
  parent.addEventListener('error', onError)
  try {
    parent.dispatchEvent(event)
  } finally {
    parent.removeEventListener('error', onError)
  }
  if (thrown.length > 0) throw thrown[0]
  return event
}
