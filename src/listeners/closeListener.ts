import type { ListenerMiddlewareInstance, UnknownAction } from '@reduxjs/toolkit'
import { crmCloseRejected, crmCloseRequested } from '../bridge/requestActions.js'
import { crmTabClosed } from '../crmTabs/crmTabsSlice.js'
import { originOfTab } from '../crmTabs/originOfTab.js'
import { selectCrmTabById } from '../crmTabs/selectors.js'
import type { CrmRootState } from '../crmReducers.js'
import type { ReportError } from '../onError.js'
import type { RequestOwner } from './createRequestOwner.js'
import type { CrmCanClose } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

export interface CloseListenerDeps {
  bridgeId: string
  canClose: CrmCanClose | undefined
  owner: RequestOwner
  report: ReportError
}

/**
 * Closes the tab each `crm/closeRequested` of this bridge names (or its sender's), if the default
 * rule and `canClose` allow it, and settles the request after: closed only once `crmTabs/tabClosed`
 * went through and the tab left the state, else why not.
 */
export function startCloseListener(
  listeners: ListenerMiddlewareInstance<CrmRootState>,
  deps: CloseListenerDeps,
): void {
  const { owner, report } = deps

  listeners.startListening({
    predicate: (action: UnknownAction): action is ReturnType<typeof crmCloseRequested> =>
      crmCloseRequested.match(action) && action.meta.bridgeId === deps.bridgeId,
    effect: async (action, api) => {
      const { requestId, origin, tabId: senderId } = action.meta
      const targetId = action.payload.id ?? senderId
      const isOpen = () => selectCrmTabById(api.getState(), targetId) !== undefined
      const refuse = (reason: 'unknown-tab' | 'not-permitted') => {
        // DevTools shows the outcome as an action too; the request is refused whatever the store does.
        try {
          api.dispatch(
            crmCloseRejected({ requestId, id: targetId, reason }, { origin, tabId: senderId }),
          )
        } catch (error) {
          report(error, 'store')
        }
        owner.settle(requestId, reason)
      }
      try {
        const state = api.getState()
        const target = selectCrmTabById(state, targetId)
        const sender = selectCrmTabById(state, senderId)
        if (!target) return refuse('unknown-tab')
        // The sender may close itself, or a tab of the origin the message came from: an origin that
        // `allowedOrigins` lets speak for the sender's tab does not own the other tabs of that tab's
        // origin. `canClose` has the last word.
        const allowedByDefault =
          targetId === senderId || (origin !== 'null' && originOfTab(target) === origin)
        let allowed = allowedByDefault
        if (deps.canClose && sender) {
          const explicit = action.payload.id !== undefined
          const { getState, dispatch } = api
          const check = { target, sender, origin, explicit, allowedByDefault, getState, dispatch }
          try {
            allowed = (await deps.canClose(check)) === true
          } catch (error) {
            report(error, 'canClose')
            allowed = false
          }
        }
        // Settled meanwhile (the bridge was destroyed): it was answered `unavailable`, so nothing happens.
        if (!owner.isOwed(requestId)) return
        if (!allowed) return refuse('not-permitted')
        // The tab may have closed while `canClose` was thinking.
        if (!isOpen()) return refuse('unknown-tab')
        try {
          api.dispatch(crmTabClosed({ id: targetId }))
        } catch (error) {
          report(error, 'store')
        }
        // Told what happened: a store that threw before the tab left it keeps the tab open.
        if (isOpen())
          owner.settle(
            requestId,
            'internal-error',
            process.env.NODE_ENV !== 'production' ? 'the host store threw' : undefined,
          )
        else owner.settle(requestId)
      } catch (error) {
        owner.storeThrew(requestId, error)
      }
    },
  })
}
