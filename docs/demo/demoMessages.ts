import {
  crmTabOpened,
  selectCrmCalls,
  selectCrmTabById,
  type CrmGrants,
  type CrmMessageDefinitions,
} from 'ucp-crm-bridge'
import type { DemoConfig } from './demoConfig'

/** What the demo's agent is doing, as GET_AGENT_STATE answers. */
export interface AgentState {
  status: 'available' | 'on-call'
  /** Calls placed and not yet ended. */
  liveCalls: number
}

/**
 * The demo UCP's own message types, shared by the shell (createCrmBridge) and the sample client
 * page (createCrmClient): names, payloads and results are checked on both sides at compile time.
 */
export interface DemoProtocol {
  /** Opens a record of the sender's CRM as a new tab; answers the new tab's id. */
  OPEN_RECORD: { payload: { record: string }; result: { tabId: string } }
  /** Takes no payload: the page may leave it out. */
  GET_AGENT_STATE: { payload: Record<string, never> | undefined; result: AgentState }
}

/** A record's name as a page may send it: a short line of text. */
function parseRecord(payload: unknown): { record: string } | undefined {
  const record = (payload as { record?: unknown } | null)?.record
  if (typeof record !== 'string') return undefined
  const trimmed = record.trim()
  // No control characters: the name becomes a tab title and a URL parameter.
  return trimmed.length > 0 && trimmed.length <= 60 && !/\p{Cc}/u.test(trimmed)
    ? { record: trimmed }
    : undefined
}

export const demoMessages: CrmMessageDefinitions<DemoProtocol> = {
  OPEN_RECORD: {
    parse: parseRecord,
    // The record opens on the CRM it was asked from: the sender's origin, its tab's CRM name.
    handle: ({ record }, { origin, tabId, getState, dispatch }) => {
      const sender = selectCrmTabById(getState(), tabId)
      const crm = (sender && new URL(sender.url).searchParams.get('crm')) ?? 'CRM'
      const url = new URL('/crm.html', origin)
      url.search = new URLSearchParams({ crm, record }).toString()
      const opened = crmTabOpened({ url: url.href, title: record, activate: true })
      dispatch(opened)
      return { tabId: opened.payload.id }
    },
  },
  GET_AGENT_STATE: {
    // `undefined` would refuse the message: an empty value accepts it, whatever the page sent.
    parse: () => ({}),
    handle: (_payload, { getState }) => {
      const live = selectCrmCalls(getState()).filter(
        (call) => call.status !== 'ended' && call.status !== 'failed',
      ).length
      return { status: live > 0 ? 'on-call' : 'available', liveCalls: live }
    },
  },
}

/**
 * Who may send what. Globex, the second CRM, is granted less: it may not open records in UCP. A
 * predicate rather than a map of origins, so that a page opened from the shell's URL field (any
 * origin) may still send everything else.
 */
export const demoGrants = (config: DemoConfig): CrmGrants => {
  const denied = new Map([[config.secondCrmOrigin, ['OPEN_RECORD']]])
  return (origin, type) => !denied.get(origin)?.includes(type)
}
