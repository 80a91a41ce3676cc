// The host worlds of the call-progress and custom-message cases (callCases.ts): a UCP whose
// softphone reports each call's steps, and one whose own message types are granted by origin, with
// CRM pages on the real client and relay pages in real cross-origin frames. The test drives them
// through `window.__calls`. trustHost.tsx adds them to its cases.
import {
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  selectCrmCallsOfTab,
  type CrmBridge,
  type CrmCallEndReason,
  type CrmCallRequest,
  type CrmRootState,
} from 'ucp-crm-bridge'
import type { ClientWorldKit } from './clientWorlds'

/** What the worlds take from the host page. */
export type CallWorldKit = Omit<ClientWorldKit, 'seen'>

type Store = { getState(): CrmRootState; dispatch(action: unknown): unknown }
type Step = 'ringing' | 'connected' | 'ended'

/** What the test reads back: every message UCP posted each relay page, and the host's events. */
const heard = {
  /** `${frame}: ${JSON of the message}`, as each relay page told it, types and all. */
  relays: [] as string[],
  /** Each progress event dispatched, as the store took it: which call, and its `at`. */
  events: [] as { frame: string; event: Step; requestId: string; at: number }[],
  /** The origins whose OPEN_RECORD the host's handler carried out. */
  handled: [] as string[],
}

export function callWorlds(kit: CallWorldKit) {
  const { origins, frames, tabIds, makeBridge } = kit
  const openFramedTab = (crm: CrmBridge, key: string, url: string) =>
    kit.openFramedTab(store as never, crm, key, url)
  const clientPage = (name: string, origin: string) =>
    `${origin}/client.html?${new URLSearchParams({ name, parent: origins.host! })}`
  const relayPage = (name: string, origin: string) => `${origin}/crm.html?name=${name}`

  const keyOf = (source: unknown) =>
    Object.keys(frames).find((key) => frames[key]!.contentWindow === source) ?? '?'
  window.addEventListener('message', (event) => {
    const data = event.data as { e2eReceived?: unknown } | null
    if (data && 'e2eReceived' in data) {
      heard.relays.push(`${keyOf(event.source)}: ${JSON.stringify(data.e2eReceived)}`)
    }
  })

  let store: Store
  const calls = {
    heard: () => JSON.parse(JSON.stringify(heard)) as typeof heard,
    /** The store's calls of the frame's tab, oldest first. */
    callsOf: (frame: string) =>
      JSON.parse(JSON.stringify(selectCrmCallsOfTab(store.getState(), tabIds[frame]!))),
    /** The host's softphone reports a step of the frame's latest call, as UCP's would. */
    progress(frame: string, event: Step, reason: CrmCallEndReason = 'completed') {
      const { requestId } = selectCrmCallsOfTab(store.getState(), tabIds[frame]!).at(-1)!
      const action =
        event === 'ringing'
          ? crmCallRinging({ requestId })
          : event === 'connected'
            ? crmCallConnected({ requestId })
            : crmCallEnded({ requestId, reason })
      store.dispatch(action)
      heard.events.push({ frame, event, requestId, at: action.payload.at })
    },
  }
  window.__calls = calls

  return {
    // Four tabs: a page on the client that calls; a relay page of the same origin, one of another
    // origin, and one that calls and then leaves for another origin. The softphone places at once.
    callProgress() {
      const crm = makeBridge({ telephony: { dial: () => undefined } })
      store = kit.makeStore(crm) as Store
      crm.start(store as never)
      openFramedTab(crm, 'asker', clientPage('asker', origins.crm!))
      openFramedTab(crm, 'sibling', relayPage('sibling', origins.crm!))
      openFramedTab(crm, 'other', relayPage('other', origins.secondCrm!))
      openFramedTab(crm, 'leaver', relayPage('leaver', origins.crm!))
      return { store, crm }
    },
    // UCP's own message types, granted by origin: the CRM may send every type, the second CRM
    // only GET_AGENT_STATE. A client page on each origin, and a relay page on the second.
    customGrants() {
      const crm = makeBridge({
        messages: {
          OPEN_RECORD: {
            parse: (payload) => {
              const id = (payload as { id?: unknown } | null)?.id
              return Number.isSafeInteger(id) ? { id: id as number } : undefined
            },
            handle: ({ id }: { id: number }, { origin }) => {
              heard.handled.push(origin)
              return { opened: id }
            },
          },
          GET_AGENT_STATE: { parse: () => ({}), handle: () => ({ state: 'ready' }) },
        },
        grants: {
          [origins.crm!]: ['CLOSE_CRM_TAB', 'MAKE_CALL', 'OPEN_RECORD', 'GET_AGENT_STATE'],
          [origins.secondCrm!]: ['GET_AGENT_STATE'],
        },
      })
      store = kit.makeStore(crm) as Store
      crm.start(store as never)
      openFramedTab(crm, 'crmClient', clientPage('crmClient', origins.crm!))
      openFramedTab(crm, 'otherClient', clientPage('otherClient', origins.secondCrm!))
      openFramedTab(crm, 'otherRelay', relayPage('otherRelay', origins.secondCrm!))
      return { store, crm }
    },
  }
}

declare global {
  interface Window {
    __calls: {
      heard(): typeof heard
      callsOf(frame: string): CrmCallRequest[]
      progress(frame: string, event: Step, reason?: CrmCallEndReason): void
    }
  }
}
