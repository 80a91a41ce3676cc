import { configureStore, type UnknownAction } from '@reduxjs/toolkit'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createCrmBridge,
  crmCallPlaced,
  crmDialFailed,
  crmReducers,
  crmTabOpened,
  dialAsShown,
  keepLeadingPlus,
  selectCrmCalls,
  stripNonDigits,
  type CrmBridgeOptions,
  type CrmCallRequest,
  type CrmCloseCheck,
  type CrmDestinationNormalizer,
  type CrmDialContext,
  type CrmErrorRaisedBy,
  type CrmMessageOutcome,
  type CrmNormalizedDestination,
  type CrmRejection,
  type CrmTab,
} from 'ucp-crm-bridge'
import { e164Destination } from 'ucp-crm-bridge/phone'
import { useActiveCrmTab, useCrmBridge, useCrmCalls, useCrmTabs } from 'ucp-crm-bridge/react'

const crm = createCrmBridge({ telephony: { dial: () => undefined } })
const store = configureStore({
  reducer: { ...crmReducers },
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})

describe('the bridge on a real store', () => {
  it('dispatch(crm.closeTab(id)) returns whether the tab was open', () => {
    expectTypeOf(store.dispatch(crm.closeTab('id'))).toEqualTypeOf<boolean>()
  })

  it('crmTabOpened returns the new tab as its payload', () => {
    expectTypeOf(
      store.dispatch(crmTabOpened({ url: 'https://crm.example.com' })).payload,
    ).toEqualTypeOf<CrmTab>()
  })

  it('start takes the store and returns its stop function', () => {
    expectTypeOf(crm.start(store)).toEqualTypeOf<() => void>()
  })

  it('the call history is read-only', () => {
    const calls = selectCrmCalls(store.getState())
    expectTypeOf(calls).toEqualTypeOf<readonly CrmCallRequest[]>()
    // @ts-expect-error: the history is frozen; its type says so
    calls.push({} as CrmCallRequest)
    // @ts-expect-error: so is each call
    calls[0]!.status = 'placed'
  })

  it('the call’s lifecycle creators make plain events that name the call by id, with a time', () => {
    const action: UnknownAction = crmCallPlaced({ requestId: 'r' })
    if (crmCallPlaced.match(action)) {
      expectTypeOf(action.payload).toEqualTypeOf<{ requestId: string; at: number }>()
    }
    // @ts-expect-error: a failure carries its error
    crmDialFailed({ requestId: 'r' })
  })
})

describe('the options', () => {
  it('needs telephony.dial, and takes the rest as optional', () => {
    expectTypeOf<CrmBridgeOptions>().toHaveProperty('telephony')
    // @ts-expect-error: telephony is required
    createCrmBridge({})
    createCrmBridge({
      telephony: {
        dial: async (destination, { requestId, tabId, signal }) =>
          void [destination, requestId, tabId, signal],
      },
      allowedOrigins: ['https://static.crm.example.com'],
      canClose: async ({ target, allowedByDefault }) => allowedByDefault && target.id !== 'x',
      onRejected: ({ reason }) => void reason,
      duplicateCallWindow: 0,
      maxCallsPerMinute: Infinity,
      logger: false,
    })
  })

  it('allowedOrigins is a list or a predicate of an origin and a tab', () => {
    createCrmBridge({
      telephony: { dial: () => undefined },
      allowedOrigins: (origin, tab) => origin === tab.url,
    })
    createCrmBridge({
      telephony: { dial: () => undefined },
      // @ts-expect-error: a single string is not a list
      allowedOrigins: 'https://crm.example.com',
    })
  })

  it('canClose is told the target, the sender and the default answer', () => {
    expectTypeOf<CrmCloseCheck['target']>().toEqualTypeOf<CrmTab>()
    expectTypeOf<CrmCloseCheck['allowedByDefault']>().toEqualTypeOf<boolean>()
  })

  it('onRejected never receives the message data', () => {
    expectTypeOf<CrmRejection>().not.toHaveProperty('data')
  })

  it('onError is told which callback threw; onOutcome never receives the payload', () => {
    createCrmBridge({
      telephony: { dial: () => undefined },
      onError: (error, { raisedBy }) => {
        expectTypeOf(error).toEqualTypeOf<unknown>()
        expectTypeOf(raisedBy).toEqualTypeOf<CrmErrorRaisedBy>()
      },
      onOutcome: (outcome) => expectTypeOf(outcome).toEqualTypeOf<CrmMessageOutcome>(),
    })
    expectTypeOf<'telephony.dial'>().toExtend<CrmErrorRaisedBy>()
    expectTypeOf<CrmMessageOutcome>().not.toHaveProperty('payload')
  })
})

describe('destinations and extensions', () => {
  it('takes a normalizer returning a bare string, as before, or the destination and extension', () => {
    createCrmBridge({ telephony: { dial: () => undefined }, normalizeDestination: (raw) => raw })
    createCrmBridge({
      telephony: { dial: () => undefined },
      normalizeDestination: (raw) => ({ destination: raw, extension: '89' }),
    })
    createCrmBridge({ telephony: { dial: () => undefined }, normalizeDestination: () => undefined })
    createCrmBridge({
      telephony: { dial: () => undefined },
      // @ts-expect-error: a number is no destination
      normalizeDestination: () => 15551234567,
    })
  })

  it('keeps stripNonDigits and keepLeadingPlus returning strings', () => {
    expectTypeOf(stripNonDigits('1')).toEqualTypeOf<string>()
    expectTypeOf(keepLeadingPlus('1')).toEqualTypeOf<string>()
    expectTypeOf(dialAsShown('1')).toEqualTypeOf<CrmNormalizedDestination | undefined>()
    expectTypeOf(
      e164Destination({ defaultCountry: 'US' }),
    ).toEqualTypeOf<CrmDestinationNormalizer>()
    // @ts-expect-error: a country libphonenumber does not know
    e164Destination({ defaultCountry: 'XX' })
  })

  it('hands the extension to dial and keeps it in the history, optional both', () => {
    expectTypeOf<CrmDialContext['extension']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<CrmCallRequest['extension']>().toEqualTypeOf<string | undefined>()
  })
})

describe('the React hooks', () => {
  it('return the bridge, the tabs, the active tab and the calls', () => {
    expectTypeOf(useCrmBridge).returns.toEqualTypeOf(crm)
    expectTypeOf(useCrmTabs).returns.toEqualTypeOf<CrmTab[]>()
    expectTypeOf(useActiveCrmTab).returns.toEqualTypeOf<CrmTab | undefined>()
    expectTypeOf(useCrmCalls).returns.toEqualTypeOf<readonly CrmCallRequest[]>()
  })
})
