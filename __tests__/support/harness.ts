import {
  configureStore,
  createAsyncThunk,
  createSlice,
  type Middleware,
  type UnknownAction,
} from '@reduxjs/toolkit'
import { expect, vi } from 'vitest'
import {
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  type CrmBridgeOptions,
  type CrmDialContext,
  type CrmErrorHandler,
  type CrmMessageOutcome,
  type CrmTab,
} from 'ucp-crm-bridge'

export const CRM_URL = 'https://crm.example.com/contacts/42'
export const CRM_ORIGIN = 'https://crm.example.com'

// UCP's own state, to show the package plugs in beside it: its softphone slice has its own
// `telephony/dial` thunk, as UCP codebases do.
export const ucpDial = createAsyncThunk('telephony/dial', async (_number: string) => undefined)
const ucpTelephony = createSlice({
  name: 'telephony',
  initialState: { dialsStarted: 0 },
  reducers: {},
  extraReducers: (builder) =>
    builder.addCase(ucpDial.pending, (state) => {
      state.dialsStarted++
    }),
})
export const ucpReducers = { telephony: ucpTelephony.reducer }

/** A middleware that records every plain action that reaches it, and the list it records into. */
export function recordActions() {
  const actions: UnknownAction[] = []
  const recorder: Middleware = () => (next) => (action) => {
    actions.push(action as UnknownAction)
    return next(action)
  }
  return { actions, recorder }
}

let previous: { destroy(): void } | undefined

/** The actions a bridge dispatches for a message it accepted, custom ones aside: each gets one outcome. */
const REQUEST_TYPES = new Set(['crm/closeRequested', 'telephony/makeCallRequested'])

/**
 * A real store with RTK's default middleware (serializable and immutable checks on) plus the
 * bridge, started on the jsdom window, and a recorder of every plain action that reaches the store.
 * The bridge of the previous call is destroyed first: one bridge listens on a window at a time, and
 * a test that failed before its own teardown must not fail the next ones.
 */
export function setupBridge(options: Partial<CrmBridgeOptions> = {}) {
  previous?.destroy()
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  const container = document.getElementById('iframe-parent') as HTMLElement
  const dial = vi.fn<(destination: string, context: CrmDialContext) => unknown>()
  const onRejected = vi.fn()
  const logger = { warn: vi.fn() }
  const onError = vi.fn<CrmErrorHandler>()
  // Every outcome is recorded, and then told to the test's own onOutcome, if it has one.
  const outcomes: CrmMessageOutcome[] = []
  const crm = createCrmBridge({
    telephony: { dial },
    onRejected,
    logger,
    onError,
    ...options,
    onOutcome: (outcome) => {
      outcomes.push(outcome)
      options.onOutcome?.(outcome)
    },
  })
  const { actions, recorder } = recordActions()
  const store = configureStore({
    reducer: { ...ucpReducers, ...crmReducers },
    middleware: (getDefault) => getDefault().prepend(crm.middleware).concat(recorder),
  })
  previous = crm
  const stop = crm.start(store)

  /** Opens a tab and renders its iframe under `#iframe-parent`, registered unless told otherwise. */
  function openTab(url = CRM_URL, { register = true, tabIdAttribute = false } = {}) {
    const tab: CrmTab = store.dispatch(crmTabOpened({ url, title: url })).payload
    const frame = document.createElement('iframe')
    frame.setAttribute('src', url)
    if (tabIdAttribute) frame.setAttribute('data-crm-tab-id', tab.id)
    container.append(frame)
    if (register) crm.registry.register(tab.id, frame)
    return { tab, frame }
  }

  /**
   * Delivers a message as the browser would after `frame`'s window posted it from `origin`, and
   * throws what a `message` listener threw. jsdom never rethrows a listener's error from
   * `dispatchEvent`: it reports it as an `error` event on the window, which is caught here.
   */
  function post(
    data: unknown,
    from: { frame?: HTMLIFrameElement; source?: MessageEventSource | null; origin?: string } = {},
  ) {
    const source = from.frame ? from.frame.contentWindow : (from.source ?? null)
    const thrown: unknown[] = []
    const onError = (event: ErrorEvent) => {
      thrown.push(event.error)
      event.preventDefault()
    }
    window.addEventListener('error', onError)
    try {
      window.dispatchEvent(
        new MessageEvent('message', { data, origin: from.origin ?? CRM_ORIGIN, source }),
      )
    } finally {
      window.removeEventListener('error', onError)
    }
    if (thrown.length > 0) throw thrown[0]
  }

  const tabIds = () => store.getState().crmTabs.ids
  const types = () => actions.map((action) => action.type)

  /**
   * Waits until every request the bridge dispatched has its outcome: closed, dialled, refused or
   * failed, as `onOutcome` was told once the close or the dial ended. The positive condition to
   * wait for before checking that something did not happen.
   */
  async function requestsSettled(): Promise<void> {
    // Only the bridge's own: a request made outside it (with no bridgeId) is acted on by no one.
    const requested = () =>
      actions
        .filter(
          (action) => REQUEST_TYPES.has(action.type) || /^crm\/.+\/requested$/.test(action.type),
        )
        .map((action) => action.meta as { requestId: string; bridgeId?: string })
        .filter((meta) => meta.bridgeId !== undefined)
        .map((meta) => meta.requestId)
        .sort()
    const told = () => outcomes.flatMap((outcome) => outcome.requestId ?? []).sort()
    await vi.waitFor(() => expect(told(), 'requests with an outcome').toEqual(requested()))
  }

  return {
    crm,
    store,
    stop,
    dial,
    onRejected,
    logger,
    onError,
    actions,
    outcomes,
    requestsSettled,
    openTab,
    post,
    tabIds,
    types,
    container,
  }
}
