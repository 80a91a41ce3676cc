// Who may send what: grants by origin, as a map or a predicate, checked before anything is done,
// answered not-granted, and told to each page in its hello.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCrmBridge, type CrmGrants } from 'ucp-crm-bridge'
import { CRM_ORIGIN, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge?.crm.destroy())

const REPORTS = 'https://reports.example.com'
const messages = {
  OPEN_RECORD: { parse: () => ({}), handle: vi.fn(() => 'opened') },
  GET_AGENT_STATE: { parse: () => ({}), handle: () => ({ state: 'ready' }) },
}

/** What the host posted to a frame. */
function postsTo(frame: HTMLIFrameElement) {
  const spy = vi.spyOn(frame.contentWindow as Window, 'postMessage')
  return () => spy.mock.calls.map(([message]) => message as Record<string, unknown>)
}
const codeOf = (message: Record<string, unknown>) =>
  message.ok ? 'ok' : (message.error as { code: string } | undefined)?.code

function twoOrigins(grants: CrmGrants) {
  bridge = setupBridge({ messages, grants })
  const crm = bridge.openTab(`${CRM_ORIGIN}/contacts/42`)
  const reports = bridge.openTab(`${REPORTS}/board`)
  return { crm, reports }
}

describe('grants', () => {
  it.each<[string, CrmGrants]>([
    [
      'a map of origins to types',
      {
        [CRM_ORIGIN]: ['MAKE_CALL', 'CLOSE_CRM_TAB', 'OPEN_RECORD', 'GET_AGENT_STATE'],
        [REPORTS]: ['GET_AGENT_STATE'],
      },
    ],
    ['a predicate', (origin, type) => origin === CRM_ORIGIN || type === 'GET_AGENT_STATE'],
  ])(
    'refuses a type not granted to the origin as not-granted, before anything is done, with %s',
    async (_name, grants) => {
      const { crm, reports } = twoOrigins(grants)
      const posts = postsTo(reports.frame)
      bridge.post(
        { type: 'OPEN_RECORD', requestId: 'o-1' },
        { frame: reports.frame, origin: REPORTS },
      )
      bridge.post(
        { type: 'MAKE_CALL', requestId: 'm-1', payload: { destination: '100' } },
        { frame: reports.frame, origin: REPORTS },
      )
      bridge.post(
        { type: 'CLOSE_CRM_TAB', requestId: 'c-1', payload: { id: crm.tab.id } },
        { frame: reports.frame, origin: REPORTS },
      )
      bridge.post(
        { type: 'GET_AGENT_STATE', requestId: 'g-1' },
        { frame: reports.frame, origin: REPORTS },
      )
      bridge.post({ type: 'OPEN_RECORD', requestId: 'o-2' }, { frame: crm.frame })
      await bridge.requestsSettled()
      expect(posts().map((message) => [message.requestId, codeOf(message)])).toEqual([
        ['o-1', 'not-granted'],
        ['m-1', 'not-granted'],
        ['c-1', 'not-granted'],
        ['g-1', 'ok'],
      ])
      expect(bridge.dial).not.toHaveBeenCalled()
      expect(bridge.tabIds()).toHaveLength(2)
      expect(messages.OPEN_RECORD.handle).toHaveBeenCalledTimes(1) // the granted one, from the CRM
      expect(bridge.onRejected).toHaveBeenCalledWith(
        expect.objectContaining({ reason: 'not-granted', type: 'OPEN_RECORD', origin: REPORTS }),
      )
      messages.OPEN_RECORD.handle.mockClear()
    },
  )

  it('tells each page, in its hello, the types its origin may send; CRM_HELLO is always allowed', () => {
    const { crm, reports } = twoOrigins({
      [CRM_ORIGIN]: ['MAKE_CALL', 'CLOSE_CRM_TAB', 'OPEN_RECORD'],
      [REPORTS]: ['GET_AGENT_STATE'],
    })
    const hellos = [crm, reports].map(({ frame }, index) => {
      const posts = postsTo(frame)
      bridge.post(
        { type: 'CRM_HELLO', version: 1 },
        { frame, origin: [CRM_ORIGIN, REPORTS][index] },
      )
      return posts()[0]?.types
    })
    expect(hellos).toEqual([['CLOSE_CRM_TAB', 'MAKE_CALL', 'OPEN_RECORD'], ['GET_AGENT_STATE']])
  })

  it('without grants, leaves every type open to the origins allowed for a tab, and the hello lists them all', () => {
    bridge = setupBridge({ messages })
    const { frame } = bridge.openTab()
    const posts = postsTo(frame)
    bridge.post({ type: 'CRM_HELLO', version: 1 }, { frame })
    expect(posts()[0]?.types).toEqual([
      'CLOSE_CRM_TAB',
      'MAKE_CALL',
      'OPEN_RECORD',
      'GET_AGENT_STATE',
    ])
  })

  it('comes after the origin check: a granted origin still speaks only for its own tabs', () => {
    const { crm } = twoOrigins({ [REPORTS]: ['OPEN_RECORD'] })
    bridge.post({ type: 'OPEN_RECORD', requestId: 'o-1' }, { frame: crm.frame, origin: REPORTS })
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'origin-not-allowed' }),
    )
  })

  it('refuses, and reports, when the predicate throws', () => {
    const bug = new Error('grants are broken')
    const { crm } = twoOrigins(() => {
      throw bug
    })
    bridge.post({ type: 'OPEN_RECORD', requestId: 'o-1' }, { frame: crm.frame })
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'not-granted' }),
    )
    expect(bridge.onError).toHaveBeenCalledWith(bug, { raisedBy: 'grants' })
  })
})

describe('the grants option', () => {
  const dial = () => undefined
  it.each([
    ['a path after the origin', { 'https://crm.example.com/': ['MAKE_CALL'] }],
    ['no scheme', { 'crm.example.com': ['MAKE_CALL'] }],
    ['the opaque origin', { null: ['MAKE_CALL'] }],
    ['a type the bridge does not know', { 'https://crm.example.com': ['MAKE_CALLS'] }],
    ['types that are not a list', { 'https://crm.example.com': 'MAKE_CALL' }],
    ['not an object', 'everyone'],
  ])('refuses %s loudly, with invalid-option', (_name, grants) => {
    expect(() => createCrmBridge({ telephony: { dial }, grants: grants as never })).toThrow(
      expect.objectContaining({ code: 'invalid-option' }),
    )
  })
})
