import { createListenerMiddleware, type UnknownAction } from '@reduxjs/toolkit'
import type { CrmDialThunk } from '../crmCalls/dialThunk.js'
import type { CrmCloseTabThunk } from '../crmTabs/closeTab.js'
import { crmTabClosed } from '../crmTabs/crmTabsSlice.js'
import { originOfTab } from '../crmTabs/originOfTab.js'
import { selectCrmTabById } from '../crmTabs/selectors.js'
import type { ReportError } from '../diagnostics/onError.js'
import {
  crmCloseRejected,
  crmCloseRequested,
  crmMakeCallRequested,
} from '../requests/requestActions.js'
import type { CrmRejection, CrmRejectReason } from '../requests/types.js'
import { withExtension } from '../requests/withExtension.js'
import type { CrmRootState } from '../store/types.js'
import type { CrmCanClose } from './types.js'

type CloseRequested = ReturnType<typeof crmCloseRequested>
type MakeCallRequested = ReturnType<typeof crmMakeCallRequested>

interface CrmListenerDeps {
  /** The bridge's own id: its listeners act only on the requests its handler dispatched. */
  bridgeId: string
  closeTab: CrmCloseTabThunk
  dial: CrmDialThunk
  canClose: CrmCanClose | undefined
  reject: (rejection: CrmRejection) => void
  /** Settles a request: posts the answer it is owed, if any, and tells `onOutcome`. */
  /** Settles a request: posts the answer it is owed, if any, and reports its outcome. */
  outcomes: { settle(requestId: string, reason?: CrmRejectReason): void }
  report: ReportError
  /** Forgets what the bridge keeps of a tab that closed: answers owed, request ids, call limits. */
  forgetClosedTab: (tabId: string) => void
}

/**
 * The listener middleware: it reacts to the bridge's requests with the close and dial thunks, and
 * settles the answers owed. Redux DevTools replays reducers only, so none of this runs again then.
 */
export function createCrmListeners(deps: CrmListenerDeps) {
  const { outcomes, bridgeId } = deps
  // The effects run no host callback unguarded: what reaches this handler was thrown by the store
  // (a reducer, middleware or subscriber) while an effect dispatched.
  const listeners = createListenerMiddleware<CrmRootState>({
    onError: (error) => deps.report(error, 'store'),
  })
  // Another bridge's middleware in the same store sees these requests too: each is handled once,
  // by the bridge that received it. One made elsewhere (a test, DevTools' dispatcher) is not acted on.
  const isOwnClose = (action: UnknownAction): action is CloseRequested =>
    crmCloseRequested.match(action) && action.meta.bridgeId === bridgeId
  const isOwnCall = (action: UnknownAction): action is MakeCallRequested =>
    crmMakeCallRequested.match(action) && action.meta.bridgeId === bridgeId

  listeners.startListening({
    predicate: isOwnClose,
    effect: async (action, api) => {
      const { requestId, origin, tabId: senderId } = action.meta
      const targetId = action.payload.id ?? senderId
      const refuse = (reason: 'unknown-tab' | 'not-permitted') => {
        const sender = { origin, tabId: senderId }
        api.dispatch(crmCloseRejected({ requestId, id: targetId, reason }, sender))
        deps.reject({ reason, type: 'CLOSE_CRM_TAB', origin, tabId: senderId })
        outcomes.settle(requestId, reason)
      }
      const state = api.getState()
      const target = selectCrmTabById(state, targetId)
      const sender = selectCrmTabById(state, senderId)
      if (!target) return refuse('unknown-tab')
      // The sender may close itself, or a tab of the origin the message came from: an origin that
      // `allowedOrigins` lets speak for the sender's tab does not own the other tabs of that tab's origin.
      // `canClose` has the last word.
      const allowedByDefault =
        targetId === senderId || (origin !== 'null' && originOfTab(target) === origin)
      let allowed = allowedByDefault
      if (deps.canClose && sender) {
        try {
          const explicit = action.payload.id !== undefined
          const check = { target, sender, origin, explicit, allowedByDefault }
          allowed = (await deps.canClose(check)) === true
        } catch (error) {
          deps.report(error, 'canClose')
          allowed = false
        }
      }
      if (!allowed) return refuse('not-permitted')
      // The tab may have closed while `canClose` was thinking.
      if (!selectCrmTabById(api.getState(), targetId)) return refuse('unknown-tab')
      // Answered first: closing the sender's own tab drops what its frame is still owed.
      outcomes.settle(requestId)
      api.dispatch(deps.closeTab(targetId))
    },
  })

  listeners.startListening({
    predicate: isOwnCall,
    effect: async (action, api) => {
      const { requestId, tabId, origin } = action.meta
      const { destination, extension } = action.payload
      const arg = withExtension({ requestId, tabId, destination }, extension)
      const result = await api.dispatch(deps.dial(arg))
      if (deps.dial.fulfilled.match(result)) return outcomes.settle(requestId)
      // Reported as a refused close is: the outcome of a request, to onRejected and the stats.
      deps.reject({ reason: 'dial-failed', type: 'MAKE_CALL', origin, tabId })
      outcomes.settle(requestId, 'dial-failed')
    },
  })

  // However a tab closes (its frame, UCP's own button), its frame is owed nothing any more.
  // A reload keeps the call limits: reloading must not be a way around them.
  listeners.startListening({
    actionCreator: crmTabClosed,
    effect: (action) => deps.forgetClosedTab(action.payload.id),
  })

  return listeners
}
