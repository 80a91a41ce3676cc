// Property-based fuzzing of custom message types and grants: any payload, request id, source and
// origin, against the page of real (jsdom) frames. The host's parse and handle see only what the
// gate let through, each action is for the tab that sent it at an origin granted its type, and
// every answer goes to a tab's frame, with the handler's result as JSON data.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { selectCrmTabs, type CrmGrants } from 'ucp-crm-bridge'
import { checkFuzz, replayingOnePath } from './support/fuzzRunner'
import { buildPage, startRun, type FuzzPage, type FuzzRun } from './support/fuzzWorld'
import {
  expectAnswersToTabsOnly,
  expectJsonRoundTrip,
  expectPrototypesUnchanged,
  snapshotPrototypes,
} from './support/invariants'
import {
  anythingArbitrary,
  senderArbitrary,
  TAB_ORIGINS,
  type SourceKind,
} from './support/messageArbitraries'

const TYPES = ['OPEN_RECORD', 'GET_AGENT_STATE', 'NOTE'] as const
/** The CRM origin may send everything; the other tab origin only what it was granted. */
const GRANTS: CrmGrants = {
  [TAB_ORIGINS[0]!]: ['CLOSE_CRM_TAB', 'MAKE_CALL', ...TYPES],
  [TAB_ORIGINS[1]!]: ['GET_AGENT_STATE'],
}
const granted = (origin: string, type: string) =>
  Object.hasOwn(GRANTS, origin) && (GRANTS as Record<string, string[]>)[origin]!.includes(type)

let page: FuzzPage
let prototypes: Map<string, unknown>
const consoleError = vi.spyOn(console, 'error')
const counted = { messages: 0, handled: 0, refusedGrants: 0 }
beforeAll(() => {
  page = buildPage()
  prototypes = snapshotPrototypes()
})
afterAll(() => {
  consoleError.mockRestore()
  // The properties reached what they check: handlers ran, and grants refused.
  if (!replayingOnePath) {
    expect(counted.messages).toBeGreaterThanOrEqual(20_000)
    expect(counted.handled).toBeGreaterThan(0)
    expect(counted.refusedGrants).toBeGreaterThan(0)
  }
})

/** A custom-type message: a type UCP declared, or one close to it, with anything in it. */
const messageArbitrary = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom('OPEN_RECORDS', 'UCP_NOTE', 'note')),
    payload: fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), anythingArbitrary),
    requestId: fc.oneof(fc.string({ minLength: 1, maxLength: 64 }), anythingArbitrary),
    version: fc.oneof(fc.constant(1), anythingArbitrary),
  },
  { requiredKeys: ['type'] },
)

/** A run: a bridge with three custom types and the grants above; what parse and handle were told. */
function customRun() {
  const parsed: unknown[] = []
  const handled: unknown[] = []
  const messages = {
    OPEN_RECORD: {
      parse: (payload: unknown) => (
        parsed.push(payload),
        Number.isSafeInteger(payload) ? { id: payload } : undefined
      ),
      handle: (value: unknown) => (handled.push(value), { opened: value }),
    },
    GET_AGENT_STATE: {
      parse: () => null,
      handle: async () => (handled.push('state'), { state: 'ready', at: new Date(0) }),
    },
    NOTE: {
      parse: (payload: unknown) => (typeof payload === 'string' ? payload : undefined),
      perMinute: 5,
    },
  }
  const run = startRun(page, { messages, grants: GRANTS })
  return { run, parsed, handled }
}

/** Each custom action is for the tab whose frame sent it, from that tab's origin, granted its type. */
function expectEntitled(
  run: FuzzRun,
  from: number,
  source: SourceKind,
  origin: string,
  type: unknown,
) {
  for (const action of run.actions.slice(from)) {
    if (!/^crm\/.+\/requested$/.test(action.type)) continue
    expect(action.type).toBe(`crm/${String(type)}/requested`)
    const meta = action.meta as { tabId: string; origin: string; bridgeId: string }
    const tabs = selectCrmTabs(run.store.getState()).map((tab) => tab.id)
    expect(tabs.indexOf(meta.tabId)).toBe(Number(source.slice(3)))
    expect(meta.origin).toBe(origin)
    expect(granted(origin, String(type))).toBe(true)
    expectJsonRoundTrip(action)
  }
}

describe('custom message types, fuzzed', () => {
  it('acts on a custom type only for the sending tab, at a granted origin, and answers with JSON results', async () => {
    await checkFuzz(
      'custom message types',
      fc.asyncProperty(
        fc.array(fc.tuple(messageArbitrary, senderArbitrary), { minLength: 150, maxLength: 250 }),
        async (sent) => {
          const { run, parsed, handled } = customRun()
          page.answers.length = 0
          try {
            for (const [data, [source, origin]] of sent) {
              const from = run.actions.length
              const parsedBefore = parsed.length
              run.post(data, origin, source)
              counted.messages++
              // parse heard only a tab's own frame, at an origin granted the type.
              if (parsed.length > parsedBefore) {
                expect(source.startsWith('tab')).toBe(true)
                expect(granted(origin, data.type)).toBe(true)
              }
              expectEntitled(run, from, source, origin, data.type)
            }
            await vi.waitFor(() => expect(run.settled.length).toBe(run.crm.getStats().accepted), {
              interval: 1,
            })
            counted.handled += handled.length
            counted.refusedGrants += run.crm.getStats().rejected['not-granted'] ?? 0
            expectAnswersToTabsOnly(page.answers)
            for (const { message } of page.answers) {
              expectJsonRoundTrip(message)
              const { result } = message as { result?: unknown }
              if (result !== undefined) expect(result).toEqual(JSON.parse(JSON.stringify(result)))
            }
            expectJsonRoundTrip(run.store.getState())
            expect(run.errors).toEqual([])
            expect(consoleError).not.toHaveBeenCalled()
          } finally {
            run.crm.destroy()
          }
        },
      ),
      120,
    )
    expectPrototypesUnchanged(prototypes)
    // Fixed work, not a timing: a loaded 2-core machine needs more than vitest's 5 s for it.
  }, 180_000)
})
