import type { CrmBridge, UcpToCrmMessage } from '../index.js'
import { cloneMessage } from './cloneMessage.js'
import { registeredWindow } from './registeredWindow.js'

/** What {@link recordCrmReplies} returns. */
export interface CrmReplyRecorder {
  /**
   * Every message UCP posted to the frame since recording began, oldest first: answers, hellos
   * and call statuses, each a structured clone as the page would receive it. A new array each time.
   */
  readonly messages: UcpToCrmMessage[]
  /** Stops recording; `messages` keeps what was recorded. */
  stop(): void
}

type Recorder = (message: unknown) => void

// One wrapper per frame window, however many recorders listen to it; the last one to stop puts the
// window's own postMessage back.
const wrapped = new WeakMap<Window, { recorders: Set<Recorder>; unwrap(): void }>()

function wrap(view: Window) {
  const own = Object.getOwnPropertyDescriptor(view, 'postMessage')
  const postMessage = view.postMessage
  const recorders = new Set<Recorder>()
  view.postMessage = function (this: Window, ...args: Parameters<Window['postMessage']>) {
    for (const recorder of recorders) recorder(args[0])
    return postMessage.apply(this, args)
  } as Window['postMessage']
  const unwrap = () => {
    if (own) Object.defineProperty(view, 'postMessage', own)
    else delete (view as Partial<Window>).postMessage
    wrapped.delete(view)
  }
  const entry = { recorders, unwrap }
  wrapped.set(view, entry)
  return entry
}

function listen(view: Window, recorder: Recorder): () => void {
  const entry = wrapped.get(view) ?? wrap(view)
  entry.recorders.add(recorder)
  return () => {
    if (!entry.recorders.delete(recorder)) return
    if (entry.recorders.size === 0) entry.unwrap()
  }
}

/**
 * Records what UCP posts to the tab's registered frame from now on: the answers to its requests,
 * the hello it asks for with `CRM_HELLO`, and the statuses of its calls. Pair it with
 * {@link simulateCrmMessage}; UCP answers once the listener middleware has carried the request
 * out, so wait for the answer (`vi.waitFor`, `expect.poll`) rather than expect it at once.
 *
 * It wraps the frame window's `postMessage`, so it sees every post, whatever origin it was
 * addressed to. That needs a window the test may change: jsdom's, or a same-origin frame's. A frame
 * given a new window (moved in the document) is no longer recorded.
 *
 * @example
 * const replies = recordCrmReplies(crm, tab.id)
 * simulateCrmMessage(crm, tab.id, {
 *   type: 'MAKE_CALL',
 *   requestId: 'r-1',
 *   payload: { destination: '+1 (555) 123-4567' },
 * })
 * await vi.waitFor(() =>
 *   expect(replies.messages).toContainEqual(
 *     expect.objectContaining({ type: 'MAKE_CALL_RESULT', requestId: 'r-1', ok: true }),
 *   ),
 * )
 * replies.stop()
 */
export function recordCrmReplies(
  bridge: Pick<CrmBridge, 'registry'>,
  tabId: string,
): CrmReplyRecorder {
  const { view } = registeredWindow(bridge, tabId, 'recordCrmReplies')
  const messages: UcpToCrmMessage[] = []
  const stop = listen(view, (message) => messages.push(cloneMessage(message) as UcpToCrmMessage))
  return {
    get messages() {
      return [...messages]
    },
    stop,
  }
}
