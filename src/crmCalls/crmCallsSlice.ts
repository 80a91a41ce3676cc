import { createSlice, original } from '@reduxjs/toolkit'
import { crmMakeCallRequested } from '../messages/messageActions.js'
import { crmCallsAdapter } from './crmCallsAdapter.js'
import { dialActionTypes } from './dialThunk.js'
import type { CrmCallError, CrmCallRequest, CrmCallsState } from './types.js'

/** How many call requests the `crmCalls` slice keeps; the oldest go first. */
export const CRM_CALL_HISTORY_LIMIT = 50

const initialState: CrmCallsState = crmCallsAdapter.getInitialState()

function plainError(error: { name?: string; message?: string; code?: string }): CrmCallError {
  const plain: CrmCallError = {}
  if (error.name !== undefined) plain.name = error.name
  if (error.message !== undefined) plain.message = error.message
  if (error.code !== undefined) plain.code = error.code
  return plain
}

export const crmCallsSlice = createSlice({
  name: 'crmCalls',
  initialState,
  reducers: {},
  extraReducers: (builder) => {
    builder
      .addCase(crmMakeCallRequested, (state, action) => {
        const call: CrmCallRequest = {
          requestId: action.meta.requestId,
          destination: action.payload.destination,
          tabId: action.meta.tabId,
          origin: action.meta.origin,
          requestedAt: action.meta.receivedAt,
          status: 'requested',
        }
        if (state.ids.length < CRM_CALL_HISTORY_LIMIT)
          return void crmCallsAdapter.addOne(state, call)
        // Full: the oldest goes. The history is rebuilt rather than deleted from, since an object
        // that loses keys becomes slow to copy, and every later update copies it.
        const base = original(state) as CrmCallsState
        const ids = [
          ...base.ids.slice(base.ids.length - CRM_CALL_HISTORY_LIMIT + 1),
          call.requestId,
        ]
        const entities: Record<string, CrmCallRequest> = {}
        for (const id of ids) entities[id] = base.entities[id] ?? call
        return { ids, entities }
      })
      // Outcomes of requests already evicted from the history are dropped: the entity is gone.
      .addCase(dialActionTypes.pending, (state, action) => {
        const call = state.entities[action.meta.arg.requestId]
        if (call) call.status = 'dialing'
      })
      .addCase(dialActionTypes.fulfilled, (state, action) => {
        const call = state.entities[action.meta.arg.requestId]
        if (call) call.status = 'placed'
      })
      .addCase(dialActionTypes.rejected, (state, action) => {
        const call = state.entities[action.meta.arg.requestId]
        if (!call) return
        call.status = 'failed'
        call.error = plainError(action.error)
      })
  },
})

export const crmCallsReducer = crmCallsSlice.reducer
