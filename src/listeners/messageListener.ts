import type { ListenerMiddlewareInstance, UnknownAction } from '@reduxjs/toolkit'
import type { CrmMessageActionCreator } from '../bridge/requestActions.js'
import type { CrmRootState } from '../crmReducers.js'
import { CrmBridgeError } from '../CrmBridgeError.js'
import type { ReportError } from '../onError.js'
import type { RequestOwner } from './createRequestOwner.js'
import { runUntil } from './runUntil.js'
import type { CrmMessageContext } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

/** A custom message type, as its listener needs it. */
export interface ListenedMessage {
  type: string
  action: CrmMessageActionCreator
  handle: ((value: unknown, context: CrmMessageContext) => unknown) | undefined
  /** ms; `Infinity` for none. */
  timeout: number
}

/** The handler's result as the answer carries it: JSON data, or a throw for anything else. */
function asJson(result: unknown): unknown {
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result))
}

/**
 * Carries out each custom message of this bridge: its action is in the store by now, for UCP's own
 * listeners; its `handle`, if it has one, runs within its `timeout`. The request is settled after:
 * done, with the handler's result as JSON data; `failed` when the handler threw, rejected, passed
 * its timeout or returned what is not JSON data; `internal-error` if the host's store threw.
 */
export function startMessageListener(
  listeners: ListenerMiddlewareInstance<CrmRootState>,
  deps: {
    bridgeId: string
    messages: ReadonlyMap<string, ListenedMessage>
    owner: RequestOwner
    report: ReportError
  },
): void {
  const { owner, report } = deps
  const byActionType = new Map<string, ListenedMessage>(
    [...deps.messages.values()].map((message) => [message.action.type, message]),
  )

  const timedOut = (type: string, ms: number) => () =>
    new CrmBridgeError(
      'handle-timeout',
      process.env.NODE_ENV !== 'production'
        ? `${type}'s handle did not settle within ${ms} ms`
        : undefined,
    )

  listeners.startListening({
    predicate: (action: UnknownAction): action is ReturnType<CrmMessageActionCreator> =>
      byActionType.has(action.type) &&
      (action.meta as { bridgeId?: string } | undefined)?.bridgeId === deps.bridgeId,
    effect: async (action, api) => {
      const { requestId, tabId, origin } = action.meta
      const message = byActionType.get(action.type)!
      if (!message.handle) {
        owner.settle(requestId)
        return
      }
      const signal = owner.signalOf(
        requestId,
        message.timeout,
        timedOut(message.type, message.timeout),
      )
      if (!signal) return
      const context = {
        requestId,
        tabId,
        origin,
        signal,
        getState: api.getState,
        dispatch: api.dispatch,
      }
      const outcome = await runUntil(signal, () => message.handle!(action.payload, context))
      // Settled meanwhile (the bridge was destroyed): answered `unavailable` already.
      if (!owner.isOwed(requestId)) return

      let failure: unknown = outcome.done ? undefined : outcome.error
      let result: unknown
      if (outcome.done) {
        try {
          result = asJson(outcome.value)
        } catch (error) {
          failure = error // a result that is not JSON data cannot be answered
        }
      }
      if (failure === undefined && outcome.done) {
        owner.settle(requestId, undefined, undefined, result)
        return
      }
      // Its own deadline is the handler's outcome, not a bug: the rest is reported.
      const timeout = failure instanceof CrmBridgeError && failure.code === 'handle-timeout'
      if (!timeout) report(failure, 'handle')
      const detail =
        process.env.NODE_ENV !== 'production'
          ? timeout
            ? 'handle-timeout'
            : `handle ${outcome.done ? 'returned what is not JSON data' : outcome.threw ? 'threw' : 'rejected'}`
          : undefined
      owner.settle(requestId, 'failed', detail)
    },
  })
}
