import { describe, expect, it } from 'vitest'
import {
  crmTabActivated,
  crmTabClosed,
  crmTabOpened,
  crmTabRetitled,
  crmTabsReducer,
  type CrmTabsState,
} from 'ucp-crm-bridge'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

function openAll(...urls: string[]) {
  const actions = urls.map((url) => crmTabOpened({ url }))
  const state = actions.reduce<CrmTabsState>(
    crmTabsReducer,
    crmTabsReducer(undefined, { type: '@init' }),
  )
  return { state, ids: actions.map((action) => action.payload.id) }
}

describe('crmTabs reducer', () => {
  it('starts with no tabs and no active tab', () => {
    expect(crmTabsReducer(undefined, { type: '@init' })).toEqual({
      ids: [],
      entities: {},
      activeId: null,
    })
  })

  it('makes a UUID v4 and the opening time in the prepare callback, not in the reducer', () => {
    const action = crmTabOpened({ url: 'https://crm.example.com/a', title: 'A' })
    expect(action.type).toBe('crmTabs/tabOpened')
    expect(action.payload.id).toMatch(UUID_V4)
    expect(action.payload).toMatchObject({ url: 'https://crm.example.com/a', title: 'A' })
    expect(typeof action.payload.openedAt).toBe('number')
    // The same action always gives the same state: the reducer adds nothing of its own.
    const once = crmTabsReducer(undefined, action)
    expect(crmTabsReducer(undefined, action)).toEqual(once)
    expect(once.entities[action.payload.id]).toEqual(action.payload)
  })

  it('uses the URL as title when none is given', () => {
    expect(crmTabOpened({ url: 'https://crm.example.com/x' }).payload.title).toBe(
      'https://crm.example.com/x',
    )
  })

  it('keeps tabs in opening order and activates the newest', () => {
    const { state, ids } = openAll(
      'https://a.example/1',
      'https://a.example/2',
      'https://a.example/3',
    )
    expect(state.ids).toEqual(ids)
    expect(state.activeId).toBe(ids[2])
  })

  it('opens a tab in the background when asked not to activate it', () => {
    const { state, ids } = openAll('https://a.example/1')
    const next = crmTabsReducer(
      state,
      crmTabOpened({ url: 'https://a.example/2', activate: false }),
    )
    expect(next.activeId).toBe(ids[0])
  })

  it('ignores an action that opens an id already open', () => {
    const action = crmTabOpened({ url: 'https://a.example/1' })
    const state = crmTabsReducer(undefined, action)
    expect(
      crmTabsReducer(state, {
        ...action,
        payload: { ...action.payload, url: 'https://evil.example' },
      }),
    ).toBe(state)
  })

  it('activates the next tab when the active tab closes, else the previous one', () => {
    const { state, ids } = openAll(
      'https://a.example/1',
      'https://a.example/2',
      'https://a.example/3',
    )
    const [first, second, third] = ids as [string, string, string]
    const middleActive = crmTabsReducer(state, crmTabActivated({ id: second }))
    expect(crmTabsReducer(middleActive, crmTabClosed({ id: second })).activeId).toBe(third)
    const lastClosed = crmTabsReducer(state, crmTabClosed({ id: third }))
    expect(lastClosed.activeId).toBe(second)
    expect(lastClosed.ids).toEqual([first, second])
  })

  it('keeps the active tab when another tab closes', () => {
    const { state, ids } = openAll('https://a.example/1', 'https://a.example/2')
    expect(crmTabsReducer(state, crmTabClosed({ id: ids[0] as string })).activeId).toBe(ids[1])
  })

  it('has no active tab once the last tab closes', () => {
    const { state, ids } = openAll('https://a.example/1')
    const closed = crmTabsReducer(state, crmTabClosed({ id: ids[0] as string }))
    expect(closed).toEqual({ ids: [], entities: {}, activeId: null })
  })

  it('ignores closing or activating a tab that is not open', () => {
    const { state } = openAll('https://a.example/1')
    expect(crmTabsReducer(state, crmTabClosed({ id: 'nope' }))).toBe(state)
    expect(crmTabsReducer(state, crmTabActivated({ id: 'nope' }))).toBe(state)
  })

  it('names its events as past-tense domain events', () => {
    expect([crmTabOpened.type, crmTabClosed.type, crmTabActivated.type]).toEqual([
      'crmTabs/tabOpened',
      'crmTabs/tabClosed',
      'crmTabs/tabActivated',
    ])
  })

  it('retitles an open tab, and changes nothing for an id that is no open tab or a title that is no string', () => {
    const { state, ids } = openAll('https://a.example/1', 'https://b.example/2')
    const retitled = crmTabsReducer(state, crmTabRetitled({ id: ids[0]!, title: 'Contact 42' }))
    expect(retitled.entities[ids[0]!]?.title).toBe('Contact 42')
    expect(retitled.entities[ids[1]!]).toBe(state.entities[ids[1]!])
    for (const id of ['not-a-tab', '__proto__', 'constructor']) {
      expect(crmTabsReducer(state, crmTabRetitled({ id, title: 'x' }))).toBe(state)
    }
    const recorded = { type: 'crmTabs/tabRetitled', payload: { id: ids[0]!, title: 42 } }
    expect(crmTabsReducer(state, recorded)).toBe(state)
  })
})
