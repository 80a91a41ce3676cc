// Property-based fuzzing of the bridge's `message` listener and the listener middleware behind it:
// generated data, origins and sources against a page of real (jsdom) frames. Every message is
// checked as it is handled, every run as a whole once its effects settled. The work is fixed (100,000
// messages), not timed: its tests get 3 minutes, which a loaded 2-core machine needs (38 s alone
// at a load average of 11, 64 s beside the other test files).

import fc from 'fast-check'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CRM_CALL_HISTORY_LIMIT, selectCrmCalls, selectCrmTabs } from 'ucp-crm-bridge'
import { checkFuzz, fuzzed, replayingOnePath } from './support/fuzzRunner'
import { buildPage, startRun, TAB_URLS, type FuzzPage, type FuzzRun } from './support/fuzzWorld'
import { DEFAULT_NORMALIZER, NORMALIZERS, type NormalizerCase } from './support/normalizerCases'
import {
  expectAnswersToTabsOnly,
  expectJsonRoundTrip,
  expectOneOfOurs,
  expectPrototypesUnchanged,
  expectSenderEntitled,
  expectSoundState,
  snapshotPrototypes,
} from './support/invariants'
import {
  anythingArbitrary,
  buildMessage,
  hostileReads,
  messageSpecArbitrary,
  originArbitrary,
  senderArbitrary,
  SOURCE_KINDS,
  type SourceKind,
} from './support/messageArbitraries'

const sourceArbitrary = fc.constantFrom<SourceKind>(...SOURCE_KINDS)
const REQUEST_TYPES = ['crm/closeRequested', 'telephony/makeCallRequested']

let page: FuzzPage
let prototypes: Map<string, unknown>
const consoleError = vi.spyOn(console, 'error')
beforeAll(() => {
  page = buildPage()
  prototypes = snapshotPrototypes()
})
afterEach(() => consoleError.mockClear())
afterAll(() => {
  consoleError.mockRestore()
  // The issue asks for at least 100,000 generated messages in CI; this keeps the file honest.
  if (!replayingOnePath) expect(fuzzed.messages).toBeGreaterThanOrEqual(100_000)
})

/** Posts one message; anything it throws fails the property. Then checks who it was acted on for. */
function send(run: FuzzRun, data: unknown, origin: string, source: SourceKind): void {
  const openBefore = selectCrmTabs(run.store.getState())
  const from = run.actions.length
  run.post(data, origin, source)
  fuzzed.messages++
  for (const action of run.actions.slice(from)) {
    expectSenderEntitled(action, { source, origin }, openBefore, run)
  }
}

/** Waits until every request of the run has its outcome: its close or its dial has ended. */
async function requestsSettled(run: FuzzRun): Promise<void> {
  const requested = run.actions
    .filter((action) => REQUEST_TYPES.includes(action.type))
    .map((action) => (action.meta as { requestId: string }).requestId)
    .sort()
  // A short interval: the dials end within a few promise jobs, and a run has hundreds to wait for.
  await vi.waitFor(() => expect([...run.settled].sort()).toEqual(requested), { interval: 1 })
}

/** Once the run's effects settled: every action ours and plain, the state sound, nothing leaked. */
async function finish(run: FuzzRun): Promise<void> {
  await requestsSettled(run)
  const tabIds = run.opened.map((tab) => tab.id)
  for (const action of run.actions) {
    expectOneOfOurs(action, tabIds, run.normalizer)
    expectJsonRoundTrip(action)
  }
  expectSoundState(run)
  expectAnswersToTabsOnly(page.answers)
  expect(hostileReads.count, 'a getter or proxy trap of the message data ran').toBe(0)
  expect(consoleError, 'RTK’s serializable or immutable check complained').not.toHaveBeenCalled()
  for (const line of run.logLines) expect(line).not.toMatch(/[0-9]{7}/)
  // A busy line is the call's outcome, not a bug: nothing reaches onError.
  expect(run.errors).toEqual([])
  expectPrototypesUnchanged(prototypes)
}

/** Outcomes reached by the protocol-shaped runs: action types and rejection reasons. */
const reached = new Set<string>()

/** What the softphone was handed in a run, beyond plain digits, for the tally of outcomes. */
function dialledKinds(run: FuzzRun): string[] {
  return run.dial.mock.calls.flatMap(([destination, { extension }]) => [
    ...(extension === undefined ? [] : [`${run.normalizer.name}: an extension`]),
    ...(/[*#]/.test(destination) ? [`${run.normalizer.name}: a feature code`] : []),
    ...(destination.startsWith('+') ? [`${run.normalizer.name}: a +`] : []),
    `${run.normalizer.name}: a call`,
  ])
}

async function inRun(
  options: Parameters<typeof startRun>[1],
  body: (run: FuzzRun) => void,
  tally = false,
  normalizer: NormalizerCase = DEFAULT_NORMALIZER,
) {
  const run = startRun(page, options, normalizer)
  try {
    body(run)
    await finish(run)
    if (tally) {
      for (const action of run.actions) reached.add(action.type)
      for (const reason of Object.keys(run.crm.getStats().rejected)) reached.add(reason)
      for (const kind of dialledKinds(run)) reached.add(kind)
    }
  } finally {
    run.crm.destroy()
  }
}

const PER_RUN = 250

/** UCP's own moves between messages: it opens tabs (one at a frame's URL), closes them, frames reload. */
const hostMoveArbitrary = fc.record({
  at: fc.nat(PER_RUN - 1),
  move: fc.oneof(
    fc.record({ open: fc.constantFrom('https://crm.example.com/new', TAB_URLS[4]) }),
    fc.record({ close: fc.nat(6) }),
    fc.record({ reload: fc.nat(TAB_URLS.length - 1) }),
  ),
})
type HostMove = (typeof hostMoveArbitrary extends fc.Arbitrary<infer T> ? T : never)['move']

function makeMove(run: FuzzRun, move: HostMove): void {
  if ('open' in move) run.open(move.open)
  else if ('close' in move) {
    const tab = run.opened[move.close]
    if (tab) run.store.dispatch(run.crm.closeTab(tab.id))
  } else page.tabFrames[move.reload]!.dispatchEvent(new Event('load'))
}

describe('the message listener, fuzzed', () => {
  it('handles any value from any source and origin without throwing or acting', async () => {
    const messages = fc.array(fc.tuple(anythingArbitrary, originArbitrary, sourceArbitrary), {
      minLength: PER_RUN,
      maxLength: PER_RUN,
    })
    await checkFuzz(
      'any value',
      fc.asyncProperty(messages, (sent) =>
        inRun({}, (run) => {
          for (const [data, origin, source] of sent) send(run, data, origin, source)
        }),
      ),
      240,
    )
  }, 180_000)

  it('acts on protocol-shaped messages only for the sending tab, whatever their fields', async () => {
    const messages = fc.array(fc.tuple(messageSpecArbitrary, senderArbitrary), {
      minLength: PER_RUN,
      maxLength: PER_RUN,
    })
    const moves = fc.array(hostMoveArbitrary, { maxLength: 8 })
    // Mostly the default; keepLeadingPlus and E.164 too, each with what it may dial.
    const normalizers = fc.oneof(
      { weight: 2, arbitrary: fc.constant(DEFAULT_NORMALIZER) },
      fc.constantFrom(...NORMALIZERS.slice(1)),
    )
    await checkFuzz(
      'protocol-shaped',
      fc.asyncProperty(messages, moves, normalizers, (sent, hostMoves, normalizer) =>
        // A low cap, so that floods from one tab reach it within a run.
        inRun(
          { maxCallsPerMinute: 3 },
          (run) => {
            sent.forEach(([spec, [source, origin]], index) => {
              for (const { at, move } of hostMoves) if (at === index) makeMove(run, move)
              send(
                run,
                buildMessage(
                  spec,
                  run.opened.map((tab) => tab.id),
                ),
                origin,
                source,
              )
            })
          },
          true,
          normalizer,
        ),
      ),
      160,
    )
    // Proof that the generator reaches every outcome, so the invariants above were put to work.
    if (!replayingOnePath) {
      expect([...reached].sort()).toEqual([
        'ambiguous-source',
        'crm/closeRejected',
        'crm/closeRequested',
        'crmCalls/callPlaced',
        'crmCalls/dialFailed',
        'crmCalls/dialStarted',
        'crmTabs/tabClosed',
        'crmTabs/tabOpened',
        'dial-failed',
        'dialAsShown: a call',
        'dialAsShown: a feature code',
        'dialAsShown: an extension',
        'duplicate',
        'e164Destination: a +',
        'e164Destination: a call',
        'e164Destination: an extension',
        'invalid-destination',
        'invalid-message',
        'keepLeadingPlus: a +',
        'keepLeadingPlus: a call',
        'not-permitted',
        'origin-not-allowed',
        'rate-limited',
        'telephony/makeCallRequested',
        'unknown-source',
        'unknown-tab',
        'unknown-type',
        'unsupported-version',
      ])
    }
  }, 180_000)

  it(`keeps the last ${CRM_CALL_HISTORY_LIMIT} calls however many valid ones arrive`, async () => {
    const calls = fc.array(
      fc.tuple(
        fc.stringMatching(/^\+?[0-9][0-9 -]{0,20}$/),
        fc.constantFrom<[SourceKind, string]>(
          ['tab0', 'https://crm.example.com'],
          ['tab1', 'https://crm.example.com'],
          ['tab2', 'https://other.example'],
        ),
      ),
      { minLength: 120, maxLength: 120 },
    )
    let overflowed = 0
    await checkFuzz(
      'call history',
      fc.asyncProperty(calls, (sent) =>
        inRun({ duplicateCallWindow: 0, maxCallsPerMinute: Infinity }, (run) => {
          for (const [destination, [source, origin]] of sent) {
            send(run, { type: 'MAKE_CALL', payload: { destination } }, origin, source)
          }
          const accepted = run.actions
            .filter((action) => action.type === 'telephony/makeCallRequested')
            .map((action) => (action.meta as { requestId: string }).requestId)
          const kept = selectCrmCalls(run.store.getState()).map((call) => call.requestId)
          expect(kept).toEqual(accepted.slice(-CRM_CALL_HISTORY_LIMIT))
          if (accepted.length > CRM_CALL_HISTORY_LIMIT) overflowed++
        }),
      ),
      30,
    )
    // Proof that the bound was reached, not just never approached.
    if (!replayingOnePath) expect(overflowed).toBeGreaterThan(0)
  }, 180_000)
})
