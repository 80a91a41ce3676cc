import { afterEach, describe, expect, it, vi } from 'vitest'
import { setupBridge } from './support/harness'
import { stringsHolding } from './support/numberLeaks'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const PHONE = '+1 (555) 123-4567'
const DIGITS = '15551234567'

function withGetter(key: string, get: () => unknown): Record<string, unknown> {
  return Object.defineProperty({ type: 'MAKE_CALL' }, key, { get, enumerable: true })
}

const hostileProxy = new Proxy(
  {},
  {
    getPrototypeOf: () => {
      throw new Error('trap')
    },
  },
)

/** Data that is protocol-shaped (a known type) but malformed, with the reason it must get. */
const malformed: Array<[string, unknown, string]> = [
  ['a payload that is a string', { type: 'CLOSE_CRM_TAB', payload: 'x' }, 'invalid-message'],
  ['a payload that is null', { type: 'CLOSE_CRM_TAB', payload: null }, 'invalid-message'],
  ['a payload that is an array', { type: 'MAKE_CALL', payload: [PHONE] }, 'invalid-message'],
  ['an id that is a number', { type: 'CLOSE_CRM_TAB', payload: { id: 42 } }, 'invalid-message'],
  ['an empty id', { type: 'CLOSE_CRM_TAB', payload: { id: '' } }, 'invalid-message'],
  [
    'a 100,000-character id',
    { type: 'CLOSE_CRM_TAB', payload: { id: 'a'.repeat(100_000) } },
    'invalid-message',
  ],
  ['MAKE_CALL without payload', { type: 'MAKE_CALL' }, 'invalid-message'],
  [
    'a destination that is a number',
    { type: 'MAKE_CALL', payload: { destination: 15551234567 } },
    'invalid-destination',
  ],
  [
    'a destination with no digits',
    { type: 'MAKE_CALL', payload: { destination: 'call me' } },
    'invalid-destination',
  ],
  [
    'a destination of 33 digits',
    { type: 'MAKE_CALL', payload: { destination: '1'.repeat(33) } },
    'invalid-destination',
  ],
  [
    'a 100,000-character destination',
    { type: 'MAKE_CALL', payload: { destination: '5'.repeat(100_000) } },
    'invalid-destination',
  ],
  [
    'a destination behind a getter',
    { type: 'MAKE_CALL', payload: Object.defineProperty({}, 'destination', { get: () => DIGITS }) },
    'invalid-message',
  ],
  [
    'a payload behind a getter',
    withGetter('payload', () => ({ destination: DIGITS })),
    'invalid-message',
  ],
  [
    'a payload that only inherits its destination',
    { type: 'MAKE_CALL', payload: Object.create({ destination: DIGITS }) },
    'invalid-message',
  ],
  [
    'a JSON __proto__ payload',
    JSON.parse(`{"type":"MAKE_CALL","payload":{"__proto__":{"destination":"${DIGITS}"}}}`),
    'invalid-destination',
  ],
]

/** Data that is not a protocol message at all: ignored without a word. */
const notOurs: Array<[string, unknown]> = [
  ['null', null],
  ['undefined', undefined],
  ['a number', 42],
  ['a string', 'CLOSE_CRM_TAB'],
  ['an array', [{ type: 'CLOSE_CRM_TAB' }]],
  ['an object without type', { payload: { id: 'x' } }],
  ['a numeric type', { type: 7 }],
  ['a 100,000-character type', { type: 'X'.repeat(100_000) }],
  ['a type behind a getter', Object.defineProperty({}, 'type', { get: () => 'CLOSE_CRM_TAB' })],
  ['an inherited type', Object.create({ type: 'CLOSE_CRM_TAB' })],
  [
    'a class instance',
    new (class Message {
      type = 'CLOSE_CRM_TAB'
    })(),
  ],
  ['a Date', new Date()],
  ['a hostile Proxy', hostileProxy],
]

describe('bad input from a CRM tab frame', () => {
  it.each(malformed)('rejects %s with a reason, dispatching nothing', (_name, data, reason) => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const before = bridge.store.getState()
    expect(() => bridge.post(data, { frame })).not.toThrow()
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.store.getState()).toBe(before)
    expect(bridge.onRejected).toHaveBeenCalledTimes(1)
    expect(bridge.onRejected.mock.calls[0]?.[0]).toMatchObject({ reason })
    expect(bridge.dial).not.toHaveBeenCalled()
  })

  it.each(notOurs)('ignores %s quietly', (_name, data) => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const before = bridge.store.getState()
    expect(() => bridge.post(data, { frame })).not.toThrow()
    expect(bridge.store.getState()).toBe(before)
    expect(bridge.onRejected).not.toHaveBeenCalled()
  })

  it('reads a __proto__ key as the data it is, never as a prototype to take fields from', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    const other = bridge.openTab()
    bridge.post(
      JSON.parse(
        `{"type":"CLOSE_CRM_TAB","__proto__":{"version":9},"payload":{"__proto__":{"id":"${other.tab.id}"}}}`,
      ),
      { frame },
    )
    // No id of its own: the sender's own tab closes, not the one the `__proto__` named.
    const requested = bridge.actions.find((action) => action.type === 'crm/closeRequested')
    expect(requested?.payload).toEqual({})
    expect(bridge.tabIds()).toEqual([other.tab.id])
  })
})

describe('reporting rejections', () => {
  // What the warnings say of the same messages is checked in diagnostics.test.ts.
  it('never puts a phone number in onRejected', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.post(
      { type: 'MAKE_CALL', payload: { destination: `${PHONE} ${'9'.repeat(40)}` } },
      { frame },
    )
    bridge.post(
      { type: 'MAKE_CALL', payload: { destination: PHONE } },
      { frame, origin: 'https://evil.example' },
    )
    bridge.post({ type: 'MAKE_CALL', payload: { destination: PHONE } }, { source: window })
    const told = bridge.onRejected.mock.calls.map(([rejection]) => rejection)
    expect(told.map((rejection) => rejection.reason)).toEqual([
      'invalid-destination',
      'origin-not-allowed',
      'unknown-source',
    ])
    expect(stringsHolding(told, DIGITS.slice(1))).toEqual([])
    expect(stringsHolding(told, '9'.repeat(7))).toEqual([])
  })

  it('rate-limits the warnings of one reason so a chatty sender cannot flood the console', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    bridge = setupBridge()
    for (let i = 0; i < 1000; i++) bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window })
    expect(bridge.onRejected).toHaveBeenCalledTimes(1000)
    expect(bridge.logger.warn).toHaveBeenCalledTimes(3)
    expect(bridge.logger.warn.mock.calls[2]?.[0]).toMatch(
      /more 'unknown-source' warnings are held back/,
    )
    vi.advanceTimersByTime(60_000)
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window })
    expect(bridge.logger.warn).toHaveBeenCalledTimes(4)
    expect(bridge.logger.warn.mock.calls[3]?.[0]).toMatch(
      /\(997 more 'unknown-source' warnings were held back\)/,
    )
    vi.useRealTimers()
  })

  it('survives an onRejected hook and a logger that throw', () => {
    bridge = setupBridge({
      onRejected: () => {
        throw new Error('hook')
      },
      logger: {
        warn: () => {
          throw new Error('logger')
        },
      },
    })
    expect(() => bridge.post({ type: 'CLOSE_CRM_TAB' }, { source: window })).not.toThrow()
  })

  it('reports internal-error, without throwing, when UCP’s own reducer throws on our action', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    bridge.store.replaceReducer((state, action) => {
      if (action.type === 'crm/closeRequested') throw new Error('UCP reducer bug')
      return state as ReturnType<typeof bridge.store.getState>
    })
    expect(() => bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame })).not.toThrow()
    expect(bridge.onRejected).toHaveBeenLastCalledWith(
      expect.objectContaining({ reason: 'internal-error' }),
    )
  })
})
