import { expect } from 'vitest'
import { SOFTPHONE_DELAYS_MS } from '../../../docs/demo/softphone'
import { stringsHolding } from '../../support/numberLeaks'
import { REJECTED, poll, type Scenario, type ScenarioContext } from './types'

// The demo's softphone places a call after 0.8 s: its answer comes after that.
const callPoll = { ...poll, timeout: 15_000 }
const PLACED_AFTER_MS = SOFTPHONE_DELAYS_MS.place
const ms = (elapsed: string) => Number(/^(\d+) ms$/.exec(elapsed)?.[1] ?? NaN)

/** The panel's messages but the hellos each CRM page asks for as it loads. */
async function requests(ui: ScenarioContext['ui']) {
  return (await ui.messages()).filter((message) => message.type !== 'CRM_HELLO')
}

/** The Messages panel, the demo's protocol inspector: what UCP made of every message a tab sent. */
export const messageScenarios: Scenario[] = [
  {
    name: 'the Messages panel shows each message with its tab, outcome, answer and time, numbers hidden until shown',
    warns: REJECTED,
    async run({ ui, server }) {
      await ui.clickInTab('Contact 42', 'bad-no-digits')
      await ui.fillInTab('Ticket 7', '#tab-id', await ui.tabId('Contact 42'))
      await ui.clickInTab('Ticket 7', 'close-by-id')
      await ui.clickInTab('Contact 42', 'raw-call-with-id')
      await expect.poll(async () => (await requests(ui)).length, callPoll).toBe(3)

      const acme = `from ${server.crmOrigin}, Contact 42`
      const [call, close, refused] = await requests(ui)
      // Newest first: the call settled last, once the softphone placed it.
      expect(call).toEqual({
        reason: 'ok',
        type: 'MAKE_CALL',
        from: acme,
        answer: 'answered MAKE_CALL_RESULT ok',
        elapsed: expect.stringMatching(/^\d+ ms$/),
        destination: '•••••••••67',
      })
      expect(ms(call!.elapsed)).toBeGreaterThanOrEqual(PLACED_AFTER_MS)
      expect(close).toEqual({
        reason: 'not-permitted',
        type: 'CLOSE_CRM_TAB',
        from: `from ${server.secondCrmOrigin}, Ticket 7`,
        answer: 'no answer',
        elapsed: expect.stringMatching(/^\d+ ms$/),
        destination: '',
      })
      expect(refused).toMatchObject({
        reason: 'invalid-destination',
        type: 'MAKE_CALL',
        from: acme,
        answer: 'no answer',
        destination: '',
      })
      expect(ms(refused!.elapsed)).toBeLessThan(PLACED_AFTER_MS)

      await ui.toggleNumbers()
      await expect.poll(async () => (await requests(ui))[0]!.destination, poll).toBe('15551234567')
      await ui.toggleNumbers()
      await expect.poll(async () => (await requests(ui))[0]!.destination, poll).toBe('•••••••••67')
      // The log the panel reads holds no number at all: only the call history does.
      const { messages } = await ui.snapshot()
      expect(messages.filter((message) => message.type !== 'CRM_HELLO')).toHaveLength(3)
      expect(stringsHolding(messages, '5551234567')).toEqual([])
    },
  },
  {
    name: "the client's hello and its refused call show with the answers posted back",
    warns: REJECTED,
    async run({ ui }) {
      await ui.openSample('client')
      const title = 'Client page'
      await expect.poll(() => ui.readInTab(title, '#hello'), poll).toBe(await ui.tabId(title))
      await ui.clickInTab(title, 'client-call-invalid')
      const ofType = async (type: string) =>
        (await ui.messages()).filter((message) => message.type === type)
      await expect
        .poll(() => ofType('MAKE_CALL'), poll)
        .toEqual([
          expect.objectContaining({
            reason: 'invalid-destination',
            answer: 'answered MAKE_CALL_RESULT invalid-destination',
            from: expect.stringMatching(/, Client page$/),
          }),
        ])
      const hellos = await ofType('CRM_HELLO')
      expect(hellos.find((hello) => hello.from.endsWith(', Client page'))).toMatchObject({
        reason: 'ok',
        answer: 'answered UCP_HELLO',
      })
    },
  },
]
