import type { Middleware, MiddlewareAPI, UnknownAction } from '@reduxjs/toolkit'
import { crmTabClosed } from '../crmTabs/crmTabsSlice.js'
import type { CrmRootState, CrmStore } from '../crmReducers.js'
import type { ReportError } from '../onError.js'
import { createListenerMiddleware } from '../toolkit.js'

/**
 * Asks a store whether this bridge's middleware is in it, as RTK Query asks for its own: the
 * middleware answers the probe itself and passes it on to nothing, so a store that returns the
 * action has no such middleware. The probe never reaches a reducer or DevTools when it is answered.
 */
const PROBE = 'crm/middlewareProbed'

interface ProbeReply {
  probed: string
  stores: number
}

export interface CrmMiddlewareDeps {
  bridgeId: string
  report: ReportError
  /** A tab left the state, whatever closed it: a frame's request, UCP's own button, DevTools. */
  onTabClosed: (tabId: string) => void
}

/** Whether tab `id` is open, in a state that may not even hold `crmTabs` (own keys only). */
function isOpen(api: MiddlewareAPI, id: unknown): id is string {
  const entities = (api.getState() as Partial<CrmRootState> | undefined)?.crmTabs?.entities
  return typeof id === 'string' && entities !== undefined && Object.hasOwn(entities, id)
}

/**
 * The bridge's middleware: RTK's listener middleware, which runs the close and dial effects, wrapped
 * so that every `crmTabs/tabClosed` that takes a tab out of the state ends its frame's registration
 * and what it was owed, even when a reducer, middleware or subscriber after ours throws.
 */
export function createCrmMiddleware(deps: CrmMiddlewareDeps) {
  const listeners = createListenerMiddleware<CrmRootState>({
    // The effects guard every host callback they call: what reaches here was thrown by the store.
    onError: (error) => deps.report(error, 'store'),
  })
  let stores = 0
  let active = true

  const middleware: Middleware = (api) => {
    stores++
    const dispatchThrough = listeners.middleware(api)
    return (next) => {
      const handle = dispatchThrough(next)
      return (action) => {
        const { type, payload } = action as UnknownAction
        if (type === PROBE && payload === deps.bridgeId) {
          return { probed: deps.bridgeId, stores } satisfies ProbeReply
        }
        if (!active || !crmTabClosed.match(action)) return handle(action)
        const id = action.payload?.id
        const wasOpen = isOpen(api, id)
        try {
          return handle(action)
        } finally {
          if (wasOpen && !isOpen(api, id)) deps.onTabClosed(id)
        }
      }
    }
  }

  return {
    middleware,
    listeners,
    /** Whether `store` holds this middleware, and it alone. */
    probe(store: CrmStore): 'ok' | 'missing' | 'reused' {
      const reply = store.dispatch({ type: PROBE, payload: deps.bridgeId }) as Partial<ProbeReply>
      if (reply?.probed !== deps.bridgeId) return 'missing'
      return reply.stores === 1 ? 'ok' : 'reused'
    },
    /** `destroy()`: no effect runs again, and tabs closing later are nobody's business here. */
    clear(): void {
      active = false
      listeners.clearListeners()
    },
  }
}

export type CrmMiddleware = ReturnType<typeof createCrmMiddleware>
