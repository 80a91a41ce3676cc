import type { PayloadAction } from '@reduxjs/toolkit'
import { createSlice } from '../toolkit.js'
import { randomUuid } from '../randomUuid.js'
import { failWith } from '../CrmBridgeError.js'
import { crmTabsAdapter } from './crmTabsAdapter.js'
import { isCrmTabUrl } from './tabUrl.js'
import type { CrmTab, CrmTabOpenInput, CrmTabsState } from './types.js'

// Replaced by bundlers, as Redux Toolkit's own checks are: production builds drop the texts.
declare const process: { env: { NODE_ENV?: string } }

// The tab table is a prototype-less record: V8 then keeps it as a hash table. With Object.prototype
// it stays in V8's fast mode (a hidden class per key) up to about 1,000 keys, and Immer's freeze of
// each new copy keeps a copy of those classes' descriptors alive: per tab, about 4.4 bytes times
// the tabs open (4.7 KB a tab at 1000 tabs, in the bench's heap snapshots). It has no inherited
// key for a crafted id to meet, either.
const initialState: CrmTabsState = {
  ...crmTabsAdapter.getInitialState({ activeId: null }),
  entities: Object.create(null) as CrmTabsState['entities'],
}

/** The neighbour a tab strip activates when the active tab closes: the next tab, else the previous. */
function neighbourOf(ids: readonly string[], id: string): string | null {
  const index = ids.indexOf(id)
  if (index === -1) return null
  return ids[index + 1] ?? ids[index - 1] ?? null
}

/** What a development build says of a refused tab URL: the real mistake, where it is a common one. */
function whatIsWrongWith(url: unknown): string {
  if (typeof url !== 'string') return `crmTabOpened: the URL must be a string, not ${typeof url}`
  if (url !== url.trim() && isCrmTabUrl(url.trim())) {
    return 'crmTabOpened: the URL has blanks around it; trim it (the frame would load another URL than the store holds)'
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(url)) return 'crmTabOpened: the URL has control characters in it'
  return 'crmTabOpened: the URL must be absolute http(s), such as https://crm.example.com/contacts/42'
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * A tab as the prepare callback makes it. The reducer checks again because an action need not
 * come from the prepare: Redux DevTools imports and dispatches any action it is given.
 */
function isTab(value: unknown): value is CrmTab {
  if (typeof value !== 'object' || value === null) return false
  const { id, url, title, openedAt } = value as Record<string, unknown>
  return (
    typeof id === 'string' &&
    UUID.test(id) &&
    isCrmTabUrl(url) &&
    typeof title === 'string' &&
    typeof openedAt === 'number'
  )
}

/** Whether `id` is an open tab: own keys only, so that `'__proto__'` or `'toString'` is none. */
const isOpen = (state: CrmTabsState, id: unknown): id is string =>
  typeof id === 'string' && Object.hasOwn(state.entities, id)

const crmTabsSlice = createSlice({
  name: 'crmTabs',
  initialState,
  reducers: {
    tabOpened: {
      reducer(state, action: PayloadAction<CrmTab, string, { activate: boolean }>) {
        if (!isTab(action.payload) || isOpen(state, action.payload.id)) return
        crmTabsAdapter.addOne(state, action.payload)
        if (action.meta?.activate || state.activeId === null) state.activeId = action.payload.id
      },
      // The id and the time are made here, never in the reducer, so that a replay rebuilds the same state.
      prepare(input: CrmTabOpenInput) {
        // Refused before anything reaches the store, a frame or the DOM.
        if (!isCrmTabUrl(input?.url)) {
          failWith(
            'invalid-tab-url',
            process.env.NODE_ENV !== 'production' ? whatIsWrongWith(input?.url) : undefined,
          )
        }
        return {
          payload: {
            id: randomUuid(),
            url: input.url,
            title: String(input.title ?? input.url),
            openedAt: Date.now(),
          },
          meta: { activate: input.activate ?? true },
        }
      },
    },
    tabClosed(state, action: PayloadAction<{ id: string }>) {
      const id = action.payload?.id
      if (!isOpen(state, id)) return
      if (state.activeId === id) state.activeId = neighbourOf(state.ids, id)
      crmTabsAdapter.removeOne(state, id)
    },
    tabActivated(state, action: PayloadAction<{ id: string }>) {
      const id = action.payload?.id
      if (isOpen(state, id)) state.activeId = id
    },
    tabRetitled(state, action: PayloadAction<{ id: string; title: string }>) {
      const { id, title } = action.payload ?? {}
      if (isOpen(state, id) && typeof title === 'string') state.entities[id]!.title = title
    },
  },
})

export const {
  tabOpened: crmTabOpened,
  tabClosed: crmTabClosed,
  tabActivated: crmTabActivated,
  /**
   * A tab's title changed (a page that names its tab, say): `crmTabRetitled({ id, title })`. An id
   * that is no open tab, own keys only, changes nothing.
   */
  tabRetitled: crmTabRetitled,
} = crmTabsSlice.actions

export const crmTabsReducer = crmTabsSlice.reducer
