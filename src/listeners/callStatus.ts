import type { ListenerMiddlewareInstance, UnknownAction } from '@reduxjs/toolkit'
import type { PageAddress } from '../bridge/verdicts.js'
import {
  CRM_CALL_HISTORY_LIMIT,
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  crmDialFailed,
} from '../crmCalls/crmCallsSlice.js'
import { selectCrmCallById, selectCrmCallsOfTab } from '../crmCalls/selectors.js'
import type { CrmCallRequest } from '../crmCalls/types.js'
import type { CrmRootState } from '../crmReducers.js'
import type { UcpHelloCall } from '../protocol/types.js'
import { postCallStatus } from './answers.js'
import type { RequestOwner } from './createRequestOwner.js'

/**
 * A page that hears of a call: how to reach its window, and the id it knows the call by. A
 * registered frame is held weakly, through its element: a frame the host removed without
 * unregistering it must not stay alive for a call that may never be said to end. (Not through
 * its window: Firefox refuses a WeakRef to a cross-origin window, "Permission denied".) A frame
 * found in the `frameContainer` has no registration to go through; its window is held until its
 * page or its tab is gone, or the call ends.
 */
interface Watcher {
  /** A registered frame; else the window of a frame found in the `frameContainer`. */
  frame?: WeakRef<HTMLIFrameElement>
  source?: MessageEventSource
  origin: string
  wireId: string
  /** Whether its hello listed the call: it has no answer to learn a failed dial from. */
  listed: boolean
}

const isProgress = (action: UnknownAction) =>
  crmCallRinging.match(action) ||
  crmCallConnected.match(action) ||
  crmCallEnded.match(action) ||
  crmDialFailed.match(action)

/** The id a page knows a call by: its own `requestId`, else UCP's. */
const wireIdOf = (call: CrmCallRequest) => call.clientRequestId ?? call.requestId

/**
 * Who hears of which call's progress: the page that asked for it with a `requestId`, and a page
 * whose hello listed it, each until it is gone (reloaded, navigated, closed) or the call has
 * ended. One page per call and tab, so that no page hears of a step twice.
 */
export function createCallWatch(frameOf: (tabId: string) => HTMLIFrameElement | undefined) {
  const byCall = new Map<string, Map<string, Watcher>>()

  function watch(callId: string, to: PageAddress, wireId: string, listed = false): void {
    let watchers = byCall.get(callId)
    if (!watchers) {
      byCall.set(callId, (watchers = new Map()))
      // A call gone from the history is told nothing more: never keep more pages than it holds.
      if (byCall.size > CRM_CALL_HISTORY_LIMIT) byCall.delete(byCall.keys().next().value!)
    }
    const frame = frameOf(to.tabId)
    watchers.set(to.tabId, {
      ...(frame ? { frame: new WeakRef(frame) } : { source: to.source }),
      origin: to.origin,
      wireId,
      listed,
    })
  }

  return {
    watch,
    /**
     * The tab's calls that have not ended, as its hello lists them, each now watched by `to`: a
     * reloaded page picks its calls up again.
     */
    helloCalls(state: CrmRootState, to: PageAddress): UcpHelloCall[] {
      const listed: UcpHelloCall[] = []
      for (const call of selectCrmCallsOfTab(state, to.tabId)) {
        if (call.status === 'ended' || call.status === 'failed') continue
        const status = call.status === 'requested' ? 'dialing' : call.status
        const at = call[`${status}At`] ?? call.requestedAt
        watch(call.requestId, to, wireIdOf(call), true)
        listed.push({ requestId: wireIdOf(call), status, at })
      }
      return listed
    },
    /**
     * Tells every page watching `call` that it reached its status; `ended` is the last word. A
     * call that `failed` (its dial did not go through) is told as `ended`, reason `failed`, to a
     * page whose hello listed it: the page that asked for it learnt so from its answer.
     */
    tell(call: CrmCallRequest): void {
      const watchers = byCall.get(call.requestId)
      if (!watchers) return
      const { status } = call
      if (status === 'requested' || status === 'dialing' || status === 'placed') return
      for (const [tabId, { frame, source, origin, wireId, listed }] of watchers) {
        if (status === 'failed' && !listed) continue
        const window = frame ? frame.deref()?.contentWindow : source

        if (window) postCallStatus({ source: window, origin, tabId }, wireId, call)
        else watchers.delete(tabId)
      }
      if (status === 'ended' || status === 'failed') byCall.delete(call.requestId)
    },

    forgetPage(tabId: string): void {
      for (const [callId, watchers] of byCall) {
        watchers.delete(tabId)
        if (watchers.size === 0) byCall.delete(callId)
      }
    },
    clear: () => byCall.clear(),
  }
}

export type CallWatch = ReturnType<typeof createCallWatch>

/**
 * Follows every call's progress, whoever reports it (the host's softphone through
 * `crmCallRinging`, `crmCallConnected`, `crmCallEnded`): a step the reducer took settles the
 * call's request if it is still owed (a call that rings was placed: answered before any status),
 * then the pages watching the call hear of it. A step the reducer refused (late, repeated, out of
 * order) is told to no one.
 */
export function startCallStatusListener(
  listeners: ListenerMiddlewareInstance<CrmRootState>,
  deps: { owner: RequestOwner; calls: CallWatch },
): void {
  listeners.startListening({
    predicate: (action, current, previous) => {
      if (!isProgress(action)) return false
      const { requestId } = (action as ReturnType<typeof crmCallRinging>).payload
      const now = selectCrmCallById(current, requestId)
      return now !== undefined && now.status !== selectCrmCallById(previous, requestId)?.status
    },
    effect: (action, api) => {
      const { requestId } = (action as ReturnType<typeof crmCallRinging>).payload
      const call = selectCrmCallById(api.getState(), requestId)!
      // A failed dial is settled by the dial's own listener, with its reason.
      if (call.status !== 'failed') deps.owner.settle(requestId)
      deps.calls.tell(call)
    },
  })
}
