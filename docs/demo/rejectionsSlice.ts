import { createSlice, nanoid, type PayloadAction } from '@reduxjs/toolkit'
import type { CrmRejection } from 'ucp-crm-bridge'

/** A rejection as the demo logs it: what `onRejected` was told, with an id and a time. */
export interface LoggedRejection extends CrmRejection {
  id: string
  at: number
}

/** How many rejections the log keeps; a chatty page cannot fill the memory. */
const LOG_LIMIT = 100

// The demo's own state: kept in the store so that Redux DevTools shows the log beside the bridge's.
export const rejectionsSlice = createSlice({
  name: 'demoRejections',
  initialState: [] as LoggedRejection[],
  reducers: {
    rejectionLogged: {
      reducer(state, action: PayloadAction<LoggedRejection>) {
        state.push(action.payload)
        if (state.length > LOG_LIMIT) state.splice(0, state.length - LOG_LIMIT)
      },
      prepare: (rejection: CrmRejection) => ({
        payload: { ...rejection, id: nanoid(), at: Date.now() },
      }),
    },
    rejectionsCleared: () => [],
  },
})

export const { rejectionLogged, rejectionsCleared } = rejectionsSlice.actions
