import { createListenerMiddleware, type ThunkAction, type UnknownAction } from '@reduxjs/toolkit'
import { originOfTab } from '../bridge/originPolicy.js'
import type { CrmDialThunk } from '../crmCalls/dialThunk.js'
import { selectCrmTabById } from '../crmTabs/selectors.js'
import {
  crmCloseRejected,
  crmCloseRequested,
  crmMakeCallRequested,
} from '../messages/messageActions.js'
import type { CrmRejection } from '../messages/types.js'
import type { CrmBridgeOptions, CrmRootState } from '../types.js'

interface CrmListenerDeps {
  closeTab: (id: string) => ThunkAction<boolean, CrmRootState, unknown, UnknownAction>
  dial: CrmDialThunk
  canClose: CrmBridgeOptions['canClose']
  reject: (rejection: CrmRejection) => void
}

/** The listener middleware: it reacts to the bridge's requests with the close and dial thunks. */
export function createCrmListeners(deps: CrmListenerDeps) {
  const listeners = createListenerMiddleware<CrmRootState>()

  listeners.startListening({
    actionCreator: crmCloseRequested,
    effect: async (action, api) => {
      const { requestId, origin, tabId: senderId } = action.meta
      const targetId = action.payload.id ?? senderId
      const refuse = (reason: 'unknown-tab' | 'not-permitted') => {
        api.dispatch(
          crmCloseRejected({ requestId, id: targetId, reason }, { origin, tabId: senderId }),
        )
        deps.reject({ reason, type: 'CLOSE_CRM_TAB', origin, tabId: senderId })
      }
      const state = api.getState()
      const target = selectCrmTabById(state, targetId)
      const sender = selectCrmTabById(state, senderId)
      if (!target) return refuse('unknown-tab')
      // The sender may close itself, or a tab of its own origin; `canClose` has the last word.
      const allowedByDefault =
        targetId === senderId ||
        (sender !== undefined && originOfTab(sender) === originOfTab(target))
      let allowed = allowedByDefault
      if (deps.canClose && sender) {
        try {
          const explicit = action.payload.id !== undefined
          allowed =
            (await deps.canClose({ target, sender, origin, explicit, allowedByDefault })) === true
        } catch {
          allowed = false
        }
      }
      if (!allowed) return refuse('not-permitted')
      // The tab may have closed while `canClose` was thinking.
      if (!api.dispatch(deps.closeTab(targetId))) refuse('unknown-tab')
    },
  })

  listeners.startListening({
    actionCreator: crmMakeCallRequested,
    effect: (action, api) => {
      const { requestId, tabId } = action.meta
      void api.dispatch(deps.dial({ requestId, tabId, destination: action.payload.destination }))
    },
  })

  return listeners
}
