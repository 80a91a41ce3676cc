// The whole path of a destination: a MAKE_CALL in a synthetic MessageEvent, through a real store,
// to the arguments of `telephony.dial`, the call history, and the actions DevTools shows.
import type { UnknownAction } from '@reduxjs/toolkit'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  selectCrmCalls,
  type CrmDestinationNormalizer,
  type CrmNormalizedDestination,
} from 'ucp-crm-bridge'
import { e164Destination } from 'ucp-crm-bridge/phone'
import { DESTINATIONS } from './support/destinations'
import { CRM_ORIGIN, setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const call = (destination: unknown) => ({ type: 'MAKE_CALL', payload: { destination } })
const ofType = (type: string) => bridge.actions.find((action) => action.type === type)

/** Posts `destination` from a tab's frame and waits until the call is placed or refused. */
async function dialFromTab(destination: string, options: Parameters<typeof setupBridge>[0] = {}) {
  bridge = setupBridge({ duplicateCallWindow: 0, maxCallsPerMinute: Infinity, ...options })
  const { tab, frame } = bridge.openTab()
  bridge.post(call(destination), { frame })
  await vi.waitFor(() => expect(bridge.outcomes).toHaveLength(1)) // placed or refused
  return tab
}

/** Everything downstream of an accepted call carries exactly `dialled`, with no stray `extension`. */
function expectDialled(dialled: CrmNormalizedDestination, tabId: string): void {
  const { destination, extension } = dialled
  const requested = ofType('telephony/makeCallRequested') as UnknownAction & {
    meta: { requestId: string }
  }
  const requestId = requested.meta.requestId
  expect(requested.payload).toStrictEqual(dialled)

  expect(bridge.dial).toHaveBeenCalledTimes(1)
  const [dialledDestination, context] = bridge.dial.mock.calls[0]!
  expect(dialledDestination).toBe(destination)
  expect(context).toStrictEqual({
    requestId,
    tabId,
    signal: expect.any(AbortSignal),
    getState: expect.any(Function),
    dispatch: expect.any(Function),
    ...(extension === undefined ? {} : { extension }),
  })

  // The call's later events name it by id only: the number is in one action and the history.
  for (const type of ['crmCalls/dialStarted', 'crmCalls/callPlaced']) {
    expect(ofType(type)?.payload).toStrictEqual({ requestId, at: expect.any(Number) })
  }
  const [recorded] = selectCrmCalls(bridge.store.getState())
  expect(recorded).toStrictEqual({
    requestId,
    destination,
    tabId,
    origin: CRM_ORIGIN,
    requestedAt: expect.any(Number),
    dialingAt: expect.any(Number),
    placedAt: expect.any(Number),
    status: 'placed',
    ...(extension === undefined ? {} : { extension }),
  })
}

describe('a MAKE_CALL’s destination, from the message to the softphone', () => {
  it.each(
    DESTINATIONS.map(([rule, input, dialled]) => [rule, JSON.stringify(input), input, dialled]),
  )('%s: %s', async (_rule, _shown, input, dialled) => {
    const tab = await dialFromTab(input as string)
    if (dialled !== 'refused') return expectDialled(dialled as CrmNormalizedDestination, tab.id)
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(bridge.types()).toEqual(['crmTabs/tabOpened'])
    expect(bridge.onRejected).toHaveBeenCalledWith({
      reason: 'invalid-destination',
      type: 'MAKE_CALL',
      origin: CRM_ORIGIN,
      tabId: tab.id,
      detail: 'payload.destination is not a number that can be dialled as shown',
    })
    // The warning names the reason, never the number.
    const lines = bridge.logger.warn.mock.calls.map((args) => args.join(' '))
    expect(lines).toEqual([expect.stringContaining('invalid-destination')])
    expect(lines.join(' ')).not.toMatch(/[0-9]/)
  })

  it('dials two extensions behind one number as two calls, and one extension twice as one', () => {
    bridge = setupBridge()
    const { frame } = bridge.openTab()
    for (const destination of ['555-1234 x 12', '555-1234 x 13', '555-1234 x 13', '555-1234']) {
      bridge.post(call(destination), { frame })
    }
    const dialled = bridge.dial.mock.calls.map(([destination, { extension }]) => [
      destination,
      extension,
    ])
    expect(dialled).toEqual([
      ['5551234', '12'],
      ['5551234', '13'],
      ['5551234', undefined],
    ])
    expect(bridge.onRejected).toHaveBeenCalledOnce()
    expect(bridge.onRejected).toHaveBeenCalledWith(expect.objectContaining({ reason: 'duplicate' }))
  })
})

describe('the host’s own normalizer', () => {
  const accepts: [string, CrmDestinationNormalizer, CrmNormalizedDestination][] = [
    ['a bare string, as before', (raw) => raw.replace(/\D/g, ''), { destination: '555123489' }],
    ['a destination alone', () => ({ destination: '*675551234' }), { destination: '*675551234' }],
    [
      'a destination and its extension',
      () => ({ destination: '+15551234', extension: '89' }),
      { destination: '+15551234', extension: '89' },
    ],
  ]
  it.each(accepts)('is dialled when it returns %s', async (_name, normalize, dialled) => {
    const tab = await dialFromTab('555-1234 ext. 89', { normalizeDestination: normalize })
    expectDialled(dialled, tab.id)
  })

  const refuses: [string, CrmDestinationNormalizer][] = [
    ['undefined', () => undefined],
    ['an empty string', () => ''],
    ['a + with a feature code', () => '+*67'],
    ['33 digits', () => '1'.repeat(33)],
    ['letters in the extension', () => ({ destination: '5551234', extension: '8a' })],
    ['17 digits of extension', () => ({ destination: '5551234', extension: '1'.repeat(17) })],
    ['an empty extension', () => ({ destination: '5551234', extension: '' })],
    ['a number as the extension', () => ({ destination: '5551234', extension: 89 as never })],
    ['no destination', () => ({ extension: '89' }) as never],
    [
      'a throw',
      () => {
        throw new Error('no')
      },
    ],
  ]
  it.each(refuses)('refuses the call when it returns %s', async (_name, normalize) => {
    await dialFromTab('555-1234 ext. 89', { normalizeDestination: normalize })
    expect(bridge.dial).not.toHaveBeenCalled()
    expect(bridge.onRejected).toHaveBeenCalledWith(
      expect.objectContaining({ reason: 'invalid-destination' }),
    )
  })

  it('dials E.164 with the extension apart through ucp-crm-bridge/phone', async () => {
    const normalizeDestination = e164Destination({ defaultCountry: 'US' })
    const tab = await dialFromTab('(555) 123-4567 ext. 89', { normalizeDestination })
    expectDialled({ destination: '+15551234567', extension: '89' }, tab.id)
  })
})
