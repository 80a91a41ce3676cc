import type { ListenerMiddlewareInstance, UnknownAction } from '@reduxjs/toolkit'
import { crmMakeCallRequested } from '../bridge/requestActions.js'
import { crmCallPlaced, crmDialFailed, crmDialStarted } from '../crmCalls/crmCallsSlice.js'
import type { CrmRootState } from '../crmReducers.js'
import { CrmBridgeError } from '../CrmBridgeError.js'
import { definedOnly } from '../definedOnly.js'
import type { ReportError } from '../onError.js'
import type { RequestOwner } from './createRequestOwner.js'
import { runUntil } from './runUntil.js'
import type { CrmTelephony } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

export interface DialListenerDeps {
  bridgeId: string
  telephony: CrmTelephony
  /** ms; `Infinity` for none. */
  dialTimeout: number
  owner: RequestOwner
  report: ReportError
}

/**
 * Dials each `telephony/makeCallRequested` of this bridge through `telephony.dial`, within
 * `dialTimeout`, records the call's way (`dialing`, then `placed` or `failed`) and settles the
 * request after it: placed, `dial-failed`, or `internal-error` if the host's store threw.
 */
export function startDialListener(
  listeners: ListenerMiddlewareInstance<CrmRootState>,
  deps: DialListenerDeps,
): void {
  const { owner, report } = deps
  const timedOut = () =>
    new CrmBridgeError(
      'dial-timeout',
      process.env.NODE_ENV !== 'production'
        ? `telephony.dial did not settle within ${deps.dialTimeout} ms`
        : undefined,
    )

  listeners.startListening({
    predicate: (action: UnknownAction): action is ReturnType<typeof crmMakeCallRequested> =>
      crmMakeCallRequested.match(action) && action.meta.bridgeId === deps.bridgeId,
    effect: async (action, api) => {
      const { requestId, tabId } = action.meta
      const { destination, extension } = action.payload
      const signal = owner.signalOf(requestId, deps.dialTimeout, timedOut)
      if (!signal) return
      try {
        api.dispatch(crmDialStarted({ requestId }))
        const { getState, dispatch } = api
        const context = definedOnly({ requestId, tabId, signal, getState, dispatch, extension })
        const outcome = await runUntil(signal, () => deps.telephony.dial(destination, context))
        if (outcome.done) {
          api.dispatch(crmCallPlaced({ requestId }))
          owner.settle(requestId)
          return
        }
        // A rejection is the call's outcome (a busy line); a synchronous throw is a bug as well.
        if (outcome.threw) report(outcome.error, 'telephony.dial')
        api.dispatch(crmDialFailed({ requestId, error: outcome.error }))
        const detail =
          process.env.NODE_ENV === 'production'
            ? undefined
            : outcome.threw
              ? 'telephony.dial threw'
              : outcome.error instanceof CrmBridgeError
                ? outcome.error.code
                : 'telephony.dial rejected'
        owner.settle(requestId, 'dial-failed', detail)
      } catch (error) {
        owner.storeThrew(requestId, error)
      }
    },
  })
}
