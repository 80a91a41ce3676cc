// docs/migrating.md, run: a UCP written the spec's way (CRMListener.jsx and Listener.jsx, as one
// hand-written listener with a third event, OPEN_RECORD) moves to the bridge in two steps, and each
// message is handled exactly once before, during and after the move.
import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createCrmBridge,
  crmReducers,
  crmTabClosed,
  crmTabOpened,
  selectCrmTabById,
  selectCrmTabs,
  type CrmBridge,
  type CrmMessageDefinition,
} from 'ucp-crm-bridge'

const CRM = 'https://crm.example.com'

/** UCP's own state for the third event: the record the agent has open. */
const records = createSlice({
  name: 'records',
  initialState: { open: null as number | null },
  reducers: {
    recordOpened: (state, action: PayloadAction<number>) => void (state.open = action.payload),
  },
})

const cleanup: (() => void)[] = []
afterEach(() => cleanup.splice(0).forEach((undo) => undo()))

/** The UCP shell: its store (with the bridge's middleware when there is a bridge), tabs, frames. */
function shell(crm?: CrmBridge) {
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  const store = configureStore({
    reducer: { ...crmReducers, records: records.reducer },
    middleware: (getDefault) => (crm ? getDefault().prepend(crm.middleware) : getDefault()),
  })
  const tab = store.dispatch(crmTabOpened({ url: `${CRM}/contacts/42` })).payload
  const frame = document.createElement('iframe')
  frame.src = tab.url
  document.getElementById('iframe-parent')!.append(frame)
  if (crm) {
    cleanup.push(crm.registry.register(tab.id, frame), crm.start(store), () => crm.destroy())
  }
  const post = (data: object) =>
    window.dispatchEvent(
      new MessageEvent('message', { data, origin: CRM, source: frame.contentWindow }),
    )
  return { store, tab, frame, post }
}

/** Counts how many times each message was handled, by whom. */
const handled: string[] = []

/**
 * The spec's two listeners as one hand-written `message` listener. `owned` is what the bridge owns
 * during the move: the legacy listener leaves those types alone. It checks the sender the way the
 * bridge does (its registry, then the tab's origin), as docs/migrating.md says to.
 */
function installLegacyListener(
  { store }: ReturnType<typeof shell>,
  dial: (number: string) => void,
  crm?: CrmBridge,
  owned: ReadonlySet<string> = new Set(),
) {
  const listener = (event: MessageEvent) => {
    const { type, payload } = (event.data ?? {}) as {
      type?: string
      payload?: Record<string, unknown>
    }
    if (typeof type !== 'string' || owned.has(type)) return
    // The sender: the tab whose frame posted, at that tab's origin (without the bridge: any frame).
    const tabId = crm?.registry.tabIdFor(event.source)
    const tab = crm
      ? tabId && selectCrmTabById(store.getState(), tabId)
      : selectCrmTabs(store.getState())[0]
    if (!tab || (crm && event.origin !== new URL(tab.url).origin)) return
    if (type === 'CLOSE_CRM_TAB') {
      handled.push('legacy CLOSE_CRM_TAB')
      store.dispatch(crmTabClosed({ id: tab.id }))
    } else if (type === 'MAKE_CALL') {
      handled.push('legacy MAKE_CALL')
      dial(String(payload?.destination).replace(/\D/g, ''))
    } else if (type === 'OPEN_RECORD') {
      handled.push('legacy OPEN_RECORD')
      store.dispatch(records.actions.recordOpened(Number(payload?.id)))
    }
  }
  window.addEventListener('message', listener)
  cleanup.push(() => window.removeEventListener('message', listener))
}

const OPEN_RECORD: CrmMessageDefinition<{ id: number }> = {
  parse: (payload) => {
    const id = (payload as { id?: unknown } | undefined)?.id
    return Number.isSafeInteger(id) ? { id: id as number } : undefined
  },
  handle: ({ id }, { dispatch }) => {
    handled.push('bridge OPEN_RECORD')
    dispatch(records.actions.recordOpened(id))
  },
}

/** The bridge closes a tab through the store: each close it makes is counted there, once. */
function countBridgeCloses({ store }: ReturnType<typeof shell>) {
  let open = selectCrmTabs(store.getState()).length
  cleanup.push(
    store.subscribe(() => {
      const now = selectCrmTabs(store.getState()).length
      if (now < open) handled.push('bridge CLOSE_CRM_TAB')
      open = now
    }),
  )
}

const MESSAGES = [
  { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } },
  { type: 'OPEN_RECORD', payload: { id: 7 } },
  { type: 'CLOSE_CRM_TAB' },
]

describe('moving from the spec’s listeners to the bridge', () => {
  it('handles each message once before, during and after the move', async () => {
    // Before: the hand-written listener does everything.
    handled.length = 0
    const before = shell()
    installLegacyListener(before, () => undefined)
    MESSAGES.forEach(before.post)
    expect(handled).toEqual(['legacy MAKE_CALL', 'legacy OPEN_RECORD', 'legacy CLOSE_CRM_TAB'])
    cleanup.splice(0).forEach((undo) => undo())

    // During: the bridge owns the spec's types; the hand-written listener keeps OPEN_RECORD.
    handled.length = 0
    const dial = vi.fn(() => void handled.push('bridge MAKE_CALL'))
    const during = createCrmBridge({ telephony: { dial } })
    const duringShell = shell(during)
    const owned = new Set([
      'CLOSE_CRM_TAB',
      'MAKE_CALL',
      'CRM_HELLO',
      ...Object.keys(during.messages),
    ])
    installLegacyListener(
      duringShell,
      () => void handled.push('legacy MAKE_CALL (twice!)'),
      during,
      owned,
    )
    countBridgeCloses(duringShell)
    MESSAGES.forEach(duringShell.post)
    await vi.waitFor(() => expect(handled).toHaveLength(3))
    expect(handled.sort()).toEqual([
      'bridge CLOSE_CRM_TAB',
      'bridge MAKE_CALL',
      'legacy OPEN_RECORD',
    ])
    expect(duringShell.store.getState().records.open).toBe(7)
    cleanup.splice(0).forEach((undo) => undo())

    // After: OPEN_RECORD is a custom type of the bridge; the hand-written listener is gone.
    handled.length = 0
    const after = createCrmBridge({
      telephony: { dial: () => void handled.push('bridge MAKE_CALL') },
      messages: { OPEN_RECORD },
    })
    const afterShell = shell(after)
    countBridgeCloses(afterShell)
    MESSAGES.forEach(afterShell.post)
    await vi.waitFor(() => expect(handled).toHaveLength(3))
    expect(handled.sort()).toEqual([
      'bridge CLOSE_CRM_TAB',
      'bridge MAKE_CALL',
      'bridge OPEN_RECORD',
    ])
    expect(afterShell.store.getState().records.open).toBe(7)
  })

  it('during the move, leaves a stranger’s OPEN_RECORD to no one: the hand-written listener checks the sender as the bridge does', () => {
    handled.length = 0
    const crm = createCrmBridge({ telephony: { dial: () => undefined }, logger: false })
    const ucp = shell(crm)
    installLegacyListener(
      ucp,
      () => undefined,
      crm,
      new Set(['CLOSE_CRM_TAB', 'MAKE_CALL', 'CRM_HELLO']),
    )
    const stranger = document.body.appendChild(document.createElement('iframe'))
    const open = { type: 'OPEN_RECORD', payload: { id: 9 } }
    window.dispatchEvent(
      new MessageEvent('message', { data: open, origin: CRM, source: stranger.contentWindow }),
    )
    window.dispatchEvent(
      new MessageEvent('message', {
        data: open,
        origin: 'https://evil.example',
        source: ucp.frame.contentWindow,
      }),
    )
    expect(handled).toEqual([])
    expect(ucp.store.getState().records.open).toBe(null)
  })
})
