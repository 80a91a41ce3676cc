import { selectCrmTabById } from '../crmTabs/selectors.js'
import { CRM_PROTOCOL_VERSION, type UcpHelloMessage } from '../protocol/types.js'
import type { CrmStore } from '../store/types.js'
import { post } from './post.js'

/**
 * Answers a tab frame's `CRM_HELLO` with the hello: to the window that asked, at the origin it
 * asked from. The hello is never posted unasked, so it never meets a frame that is elsewhere.
 * `true` if it was posted.
 */
export function postHello(
  store: CrmStore,
  tabId: string,
  target: MessageEventSource,
  origin: string,
): boolean {
  if (!selectCrmTabById(store.getState(), tabId)) return false
  const hello: UcpHelloMessage = { type: 'UCP_HELLO', version: CRM_PROTOCOL_VERSION, tabId }
  return post(target, hello, origin)
}
