// redactCrmAction and redactCrmState on every action type the package dispatches (found in its
// source), on a real session's state, and on anything fast-check makes.
import type { UnknownAction } from '@reduxjs/toolkit'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
import { setupBridge } from '../support/harness'
import { callsMadeOnLoad, countCallsInSource, PACKAGE_ACTION_TYPES } from './support/packageActions'
import {
  at,
  deepFreeze,
  DIALLED,
  leaves,
  numberRunsIn,
  PERSONAL_KEYS,
  SAMPLES,
  SHOWN,
} from './support/samples'

// Every createAction, createSlice and createAsyncThunk call of the source records what it made.
vi.mock('@reduxjs/toolkit', async (importOriginal) => {
  const { recordingToolkit } = await import('./support/recordingToolkit')
  return recordingToolkit(await importOriginal())
})

/** Every leaf outside the personal fields is what it was; the personal ones hold no run of the number. */
function expectRedactedCopy(input: unknown, output: unknown): void {
  expect(leaves(output).map(([path]) => path)).toEqual(leaves(input).map(([path]) => path))
  for (const [path, value] of leaves(input)) {
    const redacted = at(output, path)
    if (PERSONAL_KEYS.has(path.at(-1)!)) {
      if (typeof value === 'string')
        expect(numberRunsIn(String(redacted)), path.join('.')).toEqual([])
    } else expect(redacted, path.join('.')).toEqual(value)
  }
}

describe('the action types the package dispatches, enumerated from its source', () => {
  it('records what each action-making call of the source made, so none escapes the list', () => {
    // Each call in the text ran once as the modules loaded: none sits in code that has not run.
    expect(callsMadeOnLoad).toEqual(countCallsInSource())
    expect(PACKAGE_ACTION_TYPES).toContain('telephony/makeCallRequested')
    expect(PACKAGE_ACTION_TYPES).toContain('crmTabs/tabOpened')
  })

  it('has a sample with a customer’s number wherever the type can carry one, for every type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(PACKAGE_ACTION_TYPES)
  })

  it('covers what a real session dispatches', async () => {
    const bridge = setupBridge()
    bridge.dial.mockRejectedValueOnce(new Error('busy'))
    const a = bridge.openTab('https://crm.example.com/a')
    const b = bridge.openTab('https://crm.example.com/b')
    const other = bridge.openTab('https://other.example/c')
    bridge.post({ type: 'MAKE_CALL', payload: { destination: SHOWN } }, { frame: a.frame })
    bridge.post({ type: 'MAKE_CALL', payload: { destination: '100' } }, { frame: a.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: other.tab.id } }, { frame: a.frame })
    bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: b.frame })
    await bridge.requestsSettled()
    expect(PACKAGE_ACTION_TYPES).toEqual(expect.arrayContaining([...new Set(bridge.types())]))
    bridge.crm.destroy()
  })
})

describe.each(PACKAGE_ACTION_TYPES)('redactCrmAction on %s', (type) => {
  it('keeps the type and every id and time, hides the number, and changes nothing it was given', () => {
    expect(SAMPLES[type], `a sample of ${type} in samples.ts`).toBeDefined()
    const { action, hasNumber } = SAMPLES[type]!
    const input = deepFreeze(structuredClone(action))
    const output = redactCrmAction(input)
    expect(input).toEqual(action)
    expect(output.type).toBe(type)
    expectRedactedCopy(input, output)
    expect(JSON.parse(JSON.stringify(output))).toEqual(output)
    if (hasNumber) {
      expect(numberRunsIn(JSON.stringify(input)), 'the sample has the number').not.toEqual([])
      expect(output).not.toBe(input)
    } else expect(output).toBe(input) // nothing to hide: the very same action
  })
})

describe('redactCrmAction', () => {
  it('masks a custom message’s page request id, and passes its payload, the host’s own data, as it is', async () => {
    const { createCrmMessageAction } = await import('ucp-crm-bridge')
    const sender = { origin: 'https://crm.example.com', tabId: 'tab-a' }
    const action = createCrmMessageAction('OPEN_RECORD')(
      { id: 42 },
      { ...sender, clientRequestId: `open-${DIALLED}` },
    )
    const redacted = redactCrmAction(deepFreeze(action))
    expect(numberRunsIn(String(redacted.meta.clientRequestId))).toEqual([])
    expect(redacted.payload).toBe(action.payload)
    expect(redacted.type).toBe('crm/OPEN_RECORD/requested')
  })

  it('masks a destination but for its last 2 digits, an extension whole', () => {
    const { payload } = redactCrmAction(
      SAMPLES['telephony/makeCallRequested']!.action,
    ) as unknown as {
      payload: { destination: string; extension: string }
    }
    expect(payload).toEqual({ destination: '•••••••••67', extension: '••••' })
    const masked = (destination: string) =>
      (
        redactCrmAction({ type: 'telephony/makeCallRequested', payload: { destination } }) as {
          payload: { destination: string }
        }
      ).payload.destination
    expect(masked('+15551234567')).toBe('+•••••••••67')
    expect(masked('*675551234')).toBe('*•••••••34')
    expect(masked('911')).toBe('•••') // too short to show any of it
    expect(masked('sip:alice@example.com')).not.toMatch(/alice/)
  })

  it('returns any action that is not the package’s own as it is', () => {
    for (const action of [
      { type: 'ucp/agentStatusChanged', payload: { destination: DIALLED } },
      { type: 'telephony/makeCall', payload: { destination: DIALLED } },
      { type: '@@INIT' },
    ]) {
      expect(redactCrmAction(action)).toBe(action)
    }
  })

  it('never throws and never changes its argument, whatever it is given', () => {
    const ourType = fc.constantFrom(...PACKAGE_ACTION_TYPES)
    const shaped = fc.record(
      {
        type: ourType,
        payload: fc.oneof(
          fc.anything(),
          fc.record({ destination: fc.anything(), url: fc.anything() }),
        ),
        meta: fc.oneof(fc.anything(), fc.record({ arg: fc.anything() })),
        error: fc.anything(),
      },
      { requiredKeys: ['type'] },
    )
    fc.assert(
      fc.property(fc.oneof(fc.anything(), shaped), (action) => {
        const before = structuredClone(action)
        const output = redactCrmAction(deepFreeze(action))
        expect(action).toEqual(before)
        const type = (action as { type?: unknown } | null)?.type
        if (typeof type === 'string' && !PACKAGE_ACTION_TYPES.includes(type))
          expect(output).toBe(action)
        if (typeof type === 'string') expect((output as UnknownAction).type).toBe(type)
      }),
      { seed: 20_251_201, numRuns: 2_000 },
    )
  })

  it('hides any dialled number, of any length, wherever a call carries it', () => {
    const number = fc.stringMatching(/^[*#]?\+?[0-9]{7,30}$/)
    fc.assert(
      fc.property(number, fc.constantFrom(...PACKAGE_ACTION_TYPES), (destination, type) => {
        const { action } = SAMPLES[type]!
        const withNumber = JSON.parse(JSON.stringify(action).replaceAll(DIALLED, destination))
        const hidden = destination.replace(/\D/g, '').slice(0, -2)
        for (const [path, value] of leaves(redactCrmAction(withNumber))) {
          if (PERSONAL_KEYS.has(path.at(-1)!)) expect(String(value)).not.toContain(hidden)
        }
      }),
      { seed: 20_251_201, numRuns: 500 },
    )
  })
})

describe('redactCrmState', () => {
  async function sessionState() {
    const bridge = setupBridge()
    bridge.dial.mockRejectedValueOnce(new Error(`cannot reach ${SHOWN}`))
    const pop = bridge.openTab(`https://crm.example.com/pop?ani=${encodeURIComponent(SHOWN)}`)
    for (let i = 0; i < 3; i++) {
      const destination = `${SHOWN}${i} ext. 4321`
      bridge.post({ type: 'MAKE_CALL', payload: { destination } }, { frame: pop.frame })
    }
    await bridge.requestsSettled()
    const state = bridge.store.getState()
    bridge.crm.destroy()
    return state
  }

  it('hides the numbers of a real session’s state and keeps its ids, times and history length', async () => {
    const state = deepFreeze(await sessionState())
    expect(numberRunsIn(JSON.stringify(state))).not.toEqual([])
    const output = redactCrmState(state)
    expectRedactedCopy(state, output)
    expect(output.crmCalls).toHaveLength(3)
    expect(output.crmCalls.map((call) => call.status)).toEqual(['failed', 'placed', 'placed'])
    expect(state.crmCalls.map((call) => call.extension)).toEqual(['4321', '4321', '4321'])
    expect(output.crmCalls.map((call) => call.extension)).toEqual(['••••', '••••', '••••'])
    expect(output.telephony).toBe(state.telephony) // UCP's own slice: the very same object
    expect(JSON.parse(JSON.stringify(output))).toEqual(output)
  })

  it('gives the same copy for the same slices, and a new one when they change', async () => {
    const state = deepFreeze(await sessionState())
    const first = redactCrmState(state)
    expect(redactCrmState({ ...state }).crmCalls).toBe(first.crmCalls)
    const next = deepFreeze({ ...state, crmCalls: state.crmCalls.slice(1) })
    expect(redactCrmState(next).crmCalls).toHaveLength(2)
  })

  it('never throws and never changes its argument, whatever it is given', () => {
    const call = fc.record({
      requestId: fc.uuid(),
      destination: fc.anything(),
      error: fc.anything(),
    })
    const root = fc.record(
      {
        crmCalls: fc.oneof(fc.array(fc.oneof(call, fc.anything())), fc.anything()),
        crmTabs: fc.anything(),
        other: fc.anything(),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(fc.oneof(fc.anything(), root), (state) => {
        const before = structuredClone(state)
        const output = redactCrmState(deepFreeze(state))
        expect(state).toEqual(before)
        if (typeof state === 'object' && state !== null && 'other' in state) {
          expect((output as typeof state).other).toBe(state.other)
        }
        const calls = (state as { crmCalls?: unknown } | null)?.crmCalls
        if (Array.isArray(calls))
          expect((output as { crmCalls: unknown[] }).crmCalls).toHaveLength(calls.length)
      }),
      { seed: 20_251_201, numRuns: 2_000 },
    )
  })

  it('returns a state without the package’s slices as it is', () => {
    const state = { ucp: { agent: 'available' }, telephony: { destination: DIALLED } }
    expect(redactCrmState(state)).toBe(state)
    expect(redactCrmState(undefined)).toBeUndefined()
  })
})
