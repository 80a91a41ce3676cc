import { afterEach, describe, expect, it } from 'vitest'
import {
  CrmBridgeError,
  crmTabOpened,
  crmTabsReducer,
  isCrmTabUrl,
  type CrmTabsState,
} from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

/** URLs that would run script in UCP's origin, load an opaque or blank document, or load elsewhere. */
const REFUSED: [string, unknown][] = [
  ['javascript:', 'javascript:parent.__ran = true'],
  ['javascript: in another case', 'JaVaScRiPt:parent.__ran = true'],
  ['javascript: after blanks', '  javascript:parent.__ran = true'],
  ['javascript: split by a tab and a newline', 'java\tscr\nipt:parent.__ran = true'],
  ['javascript: after control characters', '\u0000\u0001\u001fjavascript:parent.__ran = true'],
  ['data:', 'data:text/html,<script>parent.__ran = true</script>'],
  ['blob:', 'blob:https://crm.example.com/550e8400-e29b-41d4-a716-446655440000'],
  ['about:blank', 'about:blank'],
  ['about:srcdoc', 'about:srcdoc'],
  ['a path', '/contacts/42'],
  ['a scheme-relative URL', '//crm.example.com/contacts/42'],
  ['a host without scheme', 'crm.example.com/contacts/42'],
  ['http: without slashes, relative to UCP', 'https:crm.example.com/contacts/42'],
  ['an https URL after a blank', ' https://crm.example.com/contacts/42'],
  ['an https URL with a newline inside', 'https://crm.exa\nmple.com/contacts/42'],
  ['an https URL with a trailing blank', 'https://crm.example.com/contacts/42 '],
  ['ftp:', 'ftp://crm.example.com/contacts/42'],
  ['file:', 'file:///etc/passwd'],
  ['an empty string', ''],
  ['a URL object', new URL('https://crm.example.com/contacts/42')],
  ['no URL at all', undefined],
]

let bridge: ReturnType<typeof setupBridge> | undefined
afterEach(() => bridge?.crm.destroy())

describe('tab URLs', () => {
  it.each(REFUSED)('refuses %s with a CrmBridgeError before anything is dispatched', (_, url) => {
    const { store, actions, tabIds } = (bridge = setupBridge())
    const open = () => store.dispatch(crmTabOpened({ url: url as string }))
    expect(open).toThrow(CrmBridgeError)
    expect(open).toThrow(expect.objectContaining({ code: 'invalid-tab-url' }))
    expect(actions).toEqual([])
    expect(tabIds()).toEqual([])
    expect(isCrmTabUrl(url)).toBe(false)
  })

  it('names the real mistake in development builds: blanks around the URL, control characters, not a string', () => {
    const messageFor = (url: unknown) => {
      try {
        crmTabOpened({ url: url as string })
      } catch (error) {
        return (error as Error).message
      }
    }
    expect(messageFor(' https://crm.example.com/ ')).toMatch(/has blanks around it; trim it/)
    expect(messageFor('https://crm.exa\nmple.com/')).toMatch(/control characters/)
    expect(messageFor(new URL('https://crm.example.com/'))).toMatch(/must be a string, not object/)
    expect(messageFor('crm.example.com/contacts/42')).toMatch(/must be absolute http\(s\)/)
  })

  it('accepts absolute http and https URLs in any case, and keeps them as given', () => {
    for (const url of [
      'https://crm.example.com/contacts/42?q=John Smith#notes',
      'HTTPS://CRM.example.com/contacts/42',
      'http://localhost:5173/crm.html',
    ]) {
      expect(isCrmTabUrl(url)).toBe(true)
      expect(crmTabOpened({ url }).payload.url).toBe(url)
    }
  })

  it('never lets a recorded action put a bad URL or a prototype name in the state (a DevTools import)', () => {
    const empty = crmTabsReducer(undefined, { type: '@init' })
    const good = crmTabOpened({ url: 'https://crm.example.com/contacts/42' })
    const crafted = (payload: object) => ({ ...good, payload: { ...good.payload, ...payload } })
    const state = [
      crafted({ url: 'javascript:parent.__ran = true' }),
      crafted({ url: '\tjavascript:parent.__ran = true' }),
      crafted({ url: 'data:text/html,<p>x</p>' }),
      crafted({ id: '__proto__' }),
      crafted({ id: 'constructor' }),
      crafted({ title: undefined }),
      { type: good.type, payload: undefined, meta: undefined },
    ].reduce<CrmTabsState>((next, action) => crmTabsReducer(next, action as never), empty)
    expect(state).toEqual(empty)
    expect(Object.getPrototypeOf(state.entities)).toBe(null)
    expect(crmTabsReducer(state, good).ids).toEqual([good.payload.id])
  })
})
