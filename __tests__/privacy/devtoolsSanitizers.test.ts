// `configureStore({ devTools: { actionSanitizer, stateSanitizer } })` with the Redux DevTools
// extension's machinery: RTK hands the options to the extension's compose, the real
// `@redux-devtools/instrument` records the session, and the sanitizers are applied as the extension
// applies them before anything leaves the page: to each action and state as it happens, and to the
// whole recorded history (`filterState` of `@redux-devtools/utils`, the extension's own logic),
// serialized with its `stringify`.
import { vi } from 'vitest'

// RTK reads the extension's compose when it loads, so it must be on the window before any import.
vi.hoisted(() => {
  const page = window as unknown as Record<string, unknown>
  page.__REDUX_DEVTOOLS_EXTENSION_COMPOSE__ =
    (options: unknown) =>
    (...enhancers: unknown[]) =>
      (page.__fakeExtension as (options: unknown, enhancers: unknown[]) => unknown)(
        options,
        enhancers,
      )
})

import { compose, type StoreEnhancer, type UnknownAction } from '@reduxjs/toolkit'
import { instrument, type LiftedState } from '@redux-devtools/instrument'
import { filterState, stringify } from '@redux-devtools/utils'
import { afterEach, describe, expect, it } from 'vitest'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
import { endSessions, findsTheNumber, runSession } from './support/session'

interface Sanitizers {
  actionSanitizer?: (action: UnknownAction, id: number) => UnknownAction
  stateSanitizer?: (state: unknown, index: number) => unknown
}

/** What the extension sent out of the page: one message per action, then the whole history. */
let relayed: string[] = []
let options: Sanitizers = {}

// The extension's compose: its instrument enhancer goes last, so the store's middleware wraps the
// instrumented store; each action is relayed sanitized, as the extension's page script does.
;(window as unknown as Record<string, unknown>).__fakeExtension = (
  given: Sanitizers,
  enhancers: StoreEnhancer[],
) => {
  options = given
  const relay: StoreEnhancer = (next) => (reducer, preloaded) => {
    const store = next(reducer, preloaded)
    let nextActionId = 1
    const dispatch: typeof store.dispatch = (action) => {
      const result = store.dispatch(action)
      const id = nextActionId++
      const sanitizedAction = given.actionSanitizer ? given.actionSanitizer(action, id) : action
      const state = given.stateSanitizer
        ? given.stateSanitizer(store.getState(), id)
        : store.getState()
      relayed.push(stringify({ type: 'ACTION', action: sanitizedAction, payload: state }))
      return result
    }
    return { ...store, dispatch }
  }
  return compose(...enhancers, relay, instrument()) as StoreEnhancer
}

afterEach(() => {
  endSessions()
  relayed = []
})

interface LiftedStore {
  getState(): LiftedState<unknown, UnknownAction, unknown>
}

/** The whole recorded history, as the extension sends it to a monitor or exports it. */
function history(liftedStore: LiftedStore): string {
  const lifted = liftedStore.getState()
  const { stateSanitizer, actionSanitizer } = options
  return stringify(
    filterState(
      lifted as never,
      'STATE',
      undefined,
      stateSanitizer,
      actionSanitizer as never,
      lifted.nextActionId,
    ),
  )
}

/** A session in a store made with `devTools` options: what the extension relayed, and the history. */
async function recordSession(devTools: Parameters<typeof runSession>[0]['devTools']) {
  const { store } = await runSession({ devTools })
  const { liftedStore } = store as unknown as { liftedStore: LiftedStore }
  const types = Object.values(liftedStore.getState().actionsById).map(
    (lifted) => lifted.action.type,
  )
  return { store, relayed: relayed.join('\n'), history: history(liftedStore), types }
}

describe('Redux DevTools, with @redux-devtools/instrument and the extension’s filterState', () => {
  it('with redactCrmAction and redactCrmState as sanitizers, records every action and no number', async () => {
    const recorded = await recordSession({
      actionSanitizer: redactCrmAction,
      stateSanitizer: redactCrmState,
    })
    // RTK handed the sanitizers to the extension as they are.
    expect(options.actionSanitizer).toBe(redactCrmAction)
    expect(options.stateSanitizer).toBe(redactCrmState)
    expect(recorded.types).toEqual(
      expect.arrayContaining([
        'crmTabs/tabOpened',
        'telephony/makeCallRequested',
        'crmCalls/callPlaced',
        'crmCalls/dialFailed',
      ]),
    )
    expect(recorded.history).toContain('•••••••••67')
    expect(recorded.relayed).toContain('•••••••••67')
    expect(findsTheNumber(JSON.stringify(recorded.store.getState()))).toBe(true)
    expect(findsTheNumber(recorded.relayed)).toBe(false)
    expect(findsTheNumber(recorded.history)).toBe(false)
  })

  it('without them, the same session sends the number out of the page', async () => {
    const recorded = await recordSession({})
    expect(findsTheNumber(recorded.relayed)).toBe(true)
    expect(findsTheNumber(recorded.history)).toBe(true)
  })
})
