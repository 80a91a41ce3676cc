import { createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { v4 as uuidv4 } from 'uuid'
import { crmTabsAdapter } from './crmTabsAdapter.js'
import type { CrmTab, CrmTabOpenInput, CrmTabsState } from './types.js'

const initialState: CrmTabsState = crmTabsAdapter.getInitialState({ activeId: null })

/** The neighbour a tab strip activates when the active tab closes: the next tab, else the previous. */
function neighbourOf(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id)
  if (index === -1) return null
  return ids[index + 1] ?? ids[index - 1] ?? null
}

const crmTabsSlice = createSlice({
  name: 'crmTabs',
  initialState,
  reducers: {
    tabOpened: {
      reducer(state, action: PayloadAction<CrmTab, string, { activate: boolean }>) {
        if (state.entities[action.payload.id]) return
        crmTabsAdapter.addOne(state, action.payload)
        if (action.meta.activate || state.activeId === null) state.activeId = action.payload.id
      },
      // The id and the time are made here, never in the reducer, so that a replay rebuilds the same state.
      prepare(input: CrmTabOpenInput) {
        return {
          payload: {
            id: uuidv4(),
            url: input.url,
            title: input.title ?? input.url,
            openedAt: Date.now(),
          },
          meta: { activate: input.activate ?? true },
        }
      },
    },
    tabClosed(state, action: PayloadAction<{ id: string }>) {
      const { id } = action.payload
      if (!state.entities[id]) return
      if (state.activeId === id) state.activeId = neighbourOf(state.ids, id)
      crmTabsAdapter.removeOne(state, id)
    },
    tabActivated(state, action: PayloadAction<{ id: string }>) {
      if (state.entities[action.payload.id]) state.activeId = action.payload.id
    },
  },
})

export const {
  tabOpened: crmTabOpened,
  tabClosed: crmTabClosed,
  tabActivated: crmTabActivated,
} = crmTabsSlice.actions

export const crmTabsReducer = crmTabsSlice.reducer
