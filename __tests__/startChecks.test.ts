// A wiring mistake is named at once, by start() or createCrmBridge(), never left to fail silently.
import { combineReducers, configureStore, type Middleware, type Reducer } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CrmBridgeError, createCrmBridge, crmReducers, type CrmStore } from 'ucp-crm-bridge'

const bridges: ReturnType<typeof createCrmBridge>[] = []
afterEach(() => {
  bridges.splice(0).forEach((crm) => crm.destroy())
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

function makeBridge(options: Record<string, unknown> = {}) {
  const crm = createCrmBridge({ telephony: { dial: vi.fn() }, logger: false, ...options })
  bridges.push(crm)
  return crm
}

const withMiddleware = (
  crm: ReturnType<typeof makeBridge>,
  reducer: Reducer | object = crmReducers,
) =>
  configureStore({
    reducer: reducer as typeof crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  }) as unknown as CrmStore

describe('start() refuses a store it cannot work with, and listens to nothing then', () => {
  it('middleware-missing: a store without the bridge’s middleware', () => {
    const crm = makeBridge()
    const add = vi.spyOn(window, 'addEventListener')
    const store = configureStore({ reducer: crmReducers })
    expect(() => crm.start(store)).toThrow(CrmBridgeError)
    expect(() => crm.start(store)).toThrow(
      expect.objectContaining({
        code: 'middleware-missing',
        message: expect.stringContaining('prepend(crm.middleware)'),
      }),
    )
    expect(add).not.toHaveBeenCalledWith('message', expect.anything())
  })

  it('middleware-missing: a store with another bridge’s middleware only', () => {
    const crm = makeBridge()
    const other = makeBridge()
    expect(() => crm.start(withMiddleware(other))).toThrow(
      expect.objectContaining({ code: 'middleware-missing' }),
    )
  })

  it('middleware-reused: one bridge’s middleware in two stores', () => {
    const crm = makeBridge()
    const first = withMiddleware(crm)
    withMiddleware(crm)
    expect(() => crm.start(first)).toThrow(expect.objectContaining({ code: 'middleware-reused' }))
  })

  it('reducers-missing: a store without crmReducers, naming the keys', () => {
    const crm = makeBridge()
    const store = withMiddleware(crm, { ucp: (state = {}) => state })
    expect(() => crm.start(store)).toThrow(
      expect.objectContaining({
        code: 'reducers-missing',
        message: expect.stringContaining('no crmTabs and crmCalls at its root'),
      }),
    )
    const half = withMiddleware(makeBridge(), { crmTabs: crmReducers.crmTabs })
    expect(() => bridges.at(-1)!.start(half as CrmStore)).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/no crmCalls at its root/) }),
    )
  })

  it('reducers-missing: says where the slices are when they are nested under a key', () => {
    const crm = makeBridge()
    const store = withMiddleware(crm, { crm: combineReducers(crmReducers) })
    expect(() => crm.start(store)).toThrow(
      expect.objectContaining({
        code: 'reducers-missing',
        message: expect.stringContaining("(they are under 'crm')"),
      }),
    )
  })

  it('lets the probe of its middleware reach no reducer, no later middleware and no subscriber', () => {
    const crm = makeBridge()
    const seen: string[] = []
    const later: Middleware = () => (next) => (action) => {
      seen.push('middleware')
      return next(action)
    }
    const store = configureStore({
      reducer: {
        ...crmReducers,
        spy: (state: null = null, action) => (seen.push(action.type), state),
      },
      middleware: (getDefault) => getDefault().prepend(crm.middleware).concat(later),
    })
    store.subscribe(() => seen.push('subscriber'))
    seen.length = 0
    crm.start(store)
    expect(seen).toEqual([])
  })
})

describe('createCrmBridge() names what it does not know', () => {
  it('warns once per unknown option in development builds, with the nearest known one', () => {
    const warn = vi.fn()
    makeBridge({ logger: { warn }, onReject: vi.fn(), dialTimout: 5_000 })
    expect(warn.mock.calls).toEqual([
      [expect.stringContaining("unknown option 'onReject' is ignored; did you mean 'onRejected'?")],
      [
        expect.stringContaining(
          "unknown option 'dialTimout' is ignored; did you mean 'dialTimeout'?",
        ),
      ],
    ])
  })

  it('stays silent in production builds and with logger: false', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    makeBridge({ onReject: vi.fn() })
    vi.stubEnv('NODE_ENV', 'production')
    makeBridge({ logger: undefined, onReject: vi.fn() })
    expect(warn).not.toHaveBeenCalled()
  })

  it('refuses a dialTimeout that is not a delay a timer keeps, and takes Infinity', () => {
    for (const dialTimeout of [0, -1, Number.NaN, 2 ** 31, '5000']) {
      expect(() => makeBridge({ dialTimeout })).toThrow(
        expect.objectContaining({
          code: 'invalid-option',
          message: expect.stringContaining('dialTimeout'),
        }),
      )
    }
    expect(() => makeBridge({ dialTimeout: Infinity })).not.toThrow()
  })
})
