import { originOfTab } from '../crmTabs/originOfTab.js'
import { selectCrmTabById } from '../crmTabs/selectors.js'
import { CRM_PROTOCOL_VERSION, type UcpHelloMessage } from '../protocol/types.js'
import type { CrmStore } from '../store/types.js'
import { post } from './post.js'

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
  const hello: UcpHelloMessage = { type: 'UCP_HELLO', version: CRM_PROTOCOL_VERSION, tabId }
  post(target, hello, origin ?? originOfTab(tab))
}
