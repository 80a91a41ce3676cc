import { createListenerMiddleware, isAnyOf } from '@reduxjs/toolkit'
import {
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  selectCrmCallById,
  selectCrmTabById,
  type CrmRootState,
} from 'ucp-crm-bridge'
import { callStatusLogged } from './messagesSlice'

const isProgress = isAnyOf(crmCallRinging, crmCallConnected, crmCallEnded)

/**
 * Logs, for the Messages panel, each step of a call that UCP tells the page that asked for it: a
 * progress event that moved the call (a late or repeated one is told to no one), of a call asked
 * for with a `requestId` (UCP speaks only when spoken to), from a tab still open. The bridge reports
 * no post of its own, so this reads the store: a page that navigated or reloaded since it asked is
 * not told, though it is logged here (see docs/protocol.md).
 */
export function logCallStatuses() {
  const listener = createListenerMiddleware<CrmRootState>()
  listener.startListening({
    predicate: (action, current, previous) => {
      if (!isProgress(action)) return false
      const { requestId } = action.payload
      const call = selectCrmCallById(current, requestId)
      return call !== undefined && call.status !== selectCrmCallById(previous, requestId)?.status
    },
    effect: (action, api) => {
      if (!isProgress(action)) return
      const call = selectCrmCallById(api.getState(), action.payload.requestId)!
      const { status, tabId, origin, clientRequestId } = call
      if (status !== 'ringing' && status !== 'connected' && status !== 'ended') return
      if (clientRequestId === undefined || !selectCrmTabById(api.getState(), tabId)) return
      api.dispatch(
        callStatusLogged({
          tabId,
          origin,
          requestId: clientRequestId,
          status,
          at: call[`${status}At`]!,
          ...(status === 'ended' && { durationMs: call.durationMs!, reason: call.endReason! }),
        }),
      )
    },
  })
  return listener.middleware
}
