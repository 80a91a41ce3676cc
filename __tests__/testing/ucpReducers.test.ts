// ucp-crm-bridge/testing as a UCP team uses it: their own slice beside the package's reducers in a
// real store, fed by what a CRM page posts, and what UCP posted back to the page.
import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createCrmBridge,
  crmMakeCallRequested,
  crmReducers,
  crmTabClosed,
  crmTabOpened,
  selectCrmTabIds,
} from 'ucp-crm-bridge'
import { recordCrmReplies, simulateCrmMessage } from 'ucp-crm-bridge/testing'

// The team's agent slice: what the agent is doing, and the notes taken beside each CRM tab.
const agentSlice = createSlice({
  name: 'agent',
  initialState: { status: 'idle' as 'idle' | 'dialing', notes: {} as Record<string, string> },
  reducers: {
    noteTaken(state, action: PayloadAction<{ tabId: string; text: string }>) {
      state.notes[action.payload.tabId] = action.payload.text
    },
  },
  extraReducers: (builder) =>
    builder
      .addCase(crmMakeCallRequested, (state) => {
        state.status = 'dialing'
      })
      .addCase(crmTabClosed, (state, action) => {
        delete state.notes[action.payload.id]
      }),
})

let stopShell: (() => void) | undefined
afterEach(() => {
  stopShell?.()
  document.body.replaceChildren()
})

/** UCP's store with the bridge, one CRM tab, and its iframe rendered and registered. */
function ucpShell() {
  const dial = vi.fn()
  const onRejected = vi.fn()
  const crm = createCrmBridge({ telephony: { dial }, onRejected })
  const store = configureStore({
    reducer: { agent: agentSlice.reducer, ...crmReducers },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  crm.start(store)
  stopShell = () => crm.destroy()
  const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/contacts/42' })).payload
  const frame = document.createElement('iframe')
  frame.src = tab.url
  document.body.append(frame)
  crm.registry.register(tab.id, frame)
  return { crm, store, tab, dial, onRejected }
}

const call = { type: 'MAKE_CALL', requestId: 'r-1', payload: { destination: '+1 (555) 123-4567' } }

describe("a UCP team's reducers, fed by simulateCrmMessage", () => {
  it("puts the agent in dialing on a page's MAKE_CALL, which UCP dials and answers once placed", async () => {
    const { crm, store, tab, dial } = ucpShell()
    const replies = recordCrmReplies(crm, tab.id)
    simulateCrmMessage(crm, tab.id, call)
    // The bridge handled the message at once: the package's action reached the team's reducer.
    expect(store.getState().agent.status).toBe('dialing')
    await vi.waitFor(() =>
      expect(replies.messages).toEqual([
        { type: 'MAKE_CALL_RESULT', requestId: 'r-1', version: 1, ok: true },
      ]),
    )
    expect(dial).toHaveBeenCalledOnce()
    expect(dial).toHaveBeenCalledWith('15551234567', expect.anything())
  })

  it("drops the notes of the tab a page closes, as UCP's own close would", async () => {
    const { crm, store, tab } = ucpShell()
    store.dispatch(agentSlice.actions.noteTaken({ tabId: tab.id, text: 'call back Tuesday' }))
    simulateCrmMessage(crm, tab.id, { type: 'CLOSE_CRM_TAB' })
    await vi.waitFor(() => expect(selectCrmTabIds(store.getState())).toEqual([]))
    expect(store.getState().agent.notes).toEqual({})
  })

  it("greets the page that asks, with its tab's id", () => {
    const { crm, tab } = ucpShell()
    const replies = recordCrmReplies(crm, tab.id)
    simulateCrmMessage(crm, tab.id, { type: 'CRM_HELLO', version: 1 })
    expect(replies.messages).toEqual([
      {
        type: 'UCP_HELLO',
        version: 1,
        tabId: tab.id,
        calls: [],
        types: ['CLOSE_CRM_TAB', 'MAKE_CALL'],
      },
    ])
  })

  it('changes nothing for a frame that navigated to another origin, and answers it nothing', async () => {
    const { crm, store, tab, dial, onRejected } = ucpShell()
    const replies = recordCrmReplies(crm, tab.id)
    const before = store.getState().agent
    simulateCrmMessage(crm, tab.id, call, { origin: 'https://sso.example.net' })
    await vi.waitFor(() =>
      expect(onRejected).toHaveBeenCalledWith(
        expect.objectContaining({ reason: 'origin-not-allowed' }),
      ),
    )
    expect(store.getState().agent).toBe(before)
    expect(dial).not.toHaveBeenCalled()
    expect(replies.messages).toEqual([])
  })
})
