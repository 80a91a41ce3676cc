import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit'
import type { CrmCallEndReason, CrmMessageOutcome } from 'ucp-crm-bridge'

/** A message as the demo's inspector logs it: what `onOutcome` was told, with an id. */
export interface LoggedMessage extends CrmMessageOutcome {
  kind: 'message'
  id: string
}

/**
 * A step of a call that UCP tells the page that asked for it, as `UCP_CALL_STATUS`: read from the
 * call's progress event in the store and the call's own record (its tab, origin and the page's id
 * for it), as docs/protocol.md says who is told. The bridge reports no post of its own.
 */
export interface LoggedCallStatus {
  kind: 'status'
  id: string
  tabId: string
  origin: string
  /** The page's own id for the call. */
  requestId: string
  status: 'ringing' | 'connected' | 'ended'
  at: number
  durationMs?: number
  reason?: CrmCallEndReason
}

export type LogEntry = LoggedMessage | LoggedCallStatus

/** How many entries the log keeps; a chatty page cannot fill the memory. */
const LOG_LIMIT = 100

// The demo's own state, kept in the store so that Redux DevTools shows the log beside the bridge's.
// It holds no payload, so no number: a call's destination is read from the call history.
export const messagesSlice = createSlice({
  name: 'demoMessages',
  initialState: [] as LogEntry[],
  reducers: {
    messageLogged: {
      reducer(state, action: PayloadAction<LoggedMessage>) {
        state.push(action.payload)
        if (state.length > LOG_LIMIT) state.splice(0, state.length - LOG_LIMIT)
      },
      prepare: (outcome: CrmMessageOutcome) => ({
        payload: { ...outcome, kind: 'message' as const, id: nanoid() },
      }),
    },
    callStatusLogged: {
      reducer(state, action: PayloadAction<LoggedCallStatus>) {
        state.push(action.payload)
        if (state.length > LOG_LIMIT) state.splice(0, state.length - LOG_LIMIT)
      },
      prepare: (status: Omit<LoggedCallStatus, 'kind' | 'id'>) => ({
        payload: { ...status, kind: 'status' as const, id: nanoid() },
      }),
    },
    messagesCleared: () => [],
  },
})

export const { messageLogged, callStatusLogged, messagesCleared } = messagesSlice.actions
