import { createAsyncThunk, type AsyncThunk } from '@reduxjs/toolkit'
import { withExtension } from '../requests/withExtension.js'
import type { ReportError } from '../diagnostics/onError.js'
import type { CrmDialArg, CrmTelephony } from './types.js'

/**
 * The type prefix of every bridge's dial thunk: `crmCalls/dial/pending`, `/fulfilled`, `/rejected`.
 * Under the package's own slice name, so that UCP's own `crmCalls/dial` thunk cannot collide.
 */
const CRM_DIAL_TYPE = 'crmCalls/dial'

/** The dial thunk's type: its action creators (`pending`, `fulfilled`, `rejected`) and the thunk. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- RTK's own default config type
export type CrmDialThunk = AsyncThunk<void, CrmDialArg, {}>

/**
 * Makes the dial thunk around the host's softphone. Each bridge makes its own. What the softphone
 * throws or rejects with goes to `report` as it is (the call history keeps only its name,
 * message and code), and the call is marked failed.
 */
export function createDialThunk(
  telephony: CrmTelephony,
  report: ReportError = () => {},
): CrmDialThunk {
  return createAsyncThunk<void, CrmDialArg>(CRM_DIAL_TYPE, async (arg, { signal }) => {
    const context = { requestId: arg.requestId, tabId: arg.tabId, signal }
    try {
      await telephony.dial(arg.destination, withExtension(context, arg.extension))
    } catch (error) {
      report(error, 'telephony.dial')
      throw error
    }
  })
}

// Every bridge's thunk has the same type prefix, so these creators match the actions of all of
// them. The thunk they come from dials nothing and is never dispatched.
const { pending, fulfilled, rejected, typePrefix } = createDialThunk({ dial: () => undefined })

/**
 * The dial lifecycle's action creators, with no bridge needed: for reducers that react to a dial's
 * outcome, and for their tests. They match the actions of every bridge's dial thunk.
 *
 * @example
 * builder.addCase(crmDial.fulfilled, (state, action) => {
 *   state.lastPlaced = action.meta.arg.requestId
 * })
 */
export const crmDial: Pick<CrmDialThunk, 'pending' | 'fulfilled' | 'rejected' | 'typePrefix'> = {
  pending,
  fulfilled,
  rejected,
  typePrefix,
}
