// The testing entry, under Jest 29 and 30 (CommonJS through ts-jest, jsdom without
// structuredClone) and Vitest (ES modules): a UCP team's reducer fed by a CRM page's message.
import { configureStore, createSlice } from '@reduxjs/toolkit'
import { createCrmBridge, crmMakeCallRequested, crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { recordCrmReplies, simulateCrmMessage } from 'ucp-crm-bridge/testing'

const agent = createSlice({
  name: 'agent',
  initialState: { callsAsked: 0 },
  reducers: {},
  extraReducers: (builder) =>
    builder.addCase(crmMakeCallRequested, (state) => {
      state.callsAsked += 1
    }),
})

/** Resolves once `check()` holds, letting timers and promises run in between; fails after 5 s. */
async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the condition never held')
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
}

test("a CRM page's MAKE_CALL reaches UCP's own reducer, is dialled and answered", async () => {
  const dialled: string[] = []
  const crm = createCrmBridge({
    telephony: { dial: (destination) => void dialled.push(destination) },
  })
  const store = configureStore({
    reducer: { agent: agent.reducer, ...crmReducers },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  crm.start(store)
  const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/contacts/42' })).payload
  const frame = document.createElement('iframe')
  frame.src = tab.url
  document.body.append(frame)
  crm.registry.register(tab.id, frame)

  const replies = recordCrmReplies(crm, tab.id)
  const request = {
    type: 'MAKE_CALL',
    requestId: 'r-1',
    payload: { destination: '+1 (555) 123-4567' },
  }
  simulateCrmMessage(crm, tab.id, request)
  expect(store.getState().agent.callsAsked).toBe(1)
  await until(() => replies.messages.length > 0)
  expect(replies.messages).toEqual([
    { type: 'MAKE_CALL_RESULT', requestId: 'r-1', version: 1, ok: true },
  ])
  expect(dialled).toEqual(['15551234567'])
  replies.stop()
  crm.destroy()
  frame.remove()
})
