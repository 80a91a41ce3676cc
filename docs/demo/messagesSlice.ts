import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit'
import type { CrmMessageOutcome } from 'ucp-crm-bridge'

/** A message as the demo's inspector logs it: what `onOutcome` was told, with an id. */
export interface LoggedMessage extends CrmMessageOutcome {
  id: string
}

/** How many messages the log keeps; a chatty page cannot fill the memory. */
const LOG_LIMIT = 100

// The demo's own state, kept in the store so that Redux DevTools shows the log beside the bridge's.
// It holds no payload, so no number: a call's destination is read from the call history.
export const messagesSlice = createSlice({
  name: 'demoMessages',
  initialState: [] as LoggedMessage[],
  reducers: {
    messageLogged: {
      reducer(state, action: PayloadAction<LoggedMessage>) {
        state.push(action.payload)
        if (state.length > LOG_LIMIT) state.splice(0, state.length - LOG_LIMIT)
      },
      prepare: (outcome: CrmMessageOutcome) => ({ payload: { ...outcome, id: nanoid() } }),
    },
    messagesCleared: () => [],
  },
})

export const { messageLogged, messagesCleared } = messagesSlice.actions
