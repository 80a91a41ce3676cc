import { expect } from 'vitest'
import { talkTime } from '../../../docs/demo/talkTime'
import { poll, type Scenario } from './types'

// The demo's softphone places a call, rings it, and has it answered about 2 s after the click;
// the poll waits for the state that lasts (connected, ended), never for a passing one.
const callPoll = { ...poll, timeout: 15_000 }

/** The spec's MAKE_CALL, through the demo's simulated softphone and its Hang up. */
export const callScenarios: Scenario[] = [
  {
    name: "MAKE_CALL with the spec's example dials 15551234567, rings, connects, and Hang up ends it completed with its talk time",
    async run({ ui }) {
      const before = await ui.titles()
      await ui.clickInTab('Contact 42 (2)', 'call')
      const call = { destination: '15551234567', from: 'from Contact 42 (2)' }
      await expect.poll(ui.calls, callPoll).toEqual([{ ...call, status: 'connected' }])

      const { calls, tabs } = await ui.snapshot()
      const [connected] = calls
      expect(connected).toMatchObject({ destination: '15551234567', tabId: tabs[1]!.id })
      // Every step was taken, in order, through the softphone's events.
      const { requestedAt, dialingAt, placedAt, ringingAt, connectedAt } = connected!
      expect([dialingAt, placedAt, ringingAt, connectedAt].every(Number.isFinite)).toBe(true)
      expect([requestedAt, dialingAt, placedAt, ringingAt, connectedAt]).toEqual(
        [requestedAt, dialingAt, placedAt, ringingAt, connectedAt].sort((a, b) => a! - b!),
      )

      await ui.hangUp(connected!.requestId)
      await expect
        .poll(async () => (await ui.calls())[0]!.status, callPoll)
        .toMatch(/^ended: completed/)
      const [ended] = (await ui.snapshot()).calls
      expect(ended).toMatchObject({ status: 'ended', endReason: 'completed' })
      expect(ended!.durationMs).toBe(ended!.endedAt! - ended!.connectedAt!)
      expect((await ui.calls())[0]!.status).toBe(
        `ended: completed, ${talkTime(ended!.durationMs!)}`,
      )
      // The page asked without a requestId: UCP tells it nothing of the call.
      expect(await ui.statuses()).toEqual([])
      expect(await ui.titles()).toEqual(before)
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: 'a call to the busy number is placed then ends busy, and one to the unreachable number fails, beside a call that connects',
    async run({ ui, driver }) {
      await ui.clickInTab('Contact 42', 'call')
      await ui.clickInTab('Ticket 7', 'call-busy')
      await ui.clickInTab('Ticket 7', 'call-failing')
      await expect.poll(ui.calls, callPoll).toEqual([
        {
          destination: '15550000001',
          status: 'failed',
          from: 'from Ticket 7: The number is unreachable',
        },
        { destination: '15550000000', status: 'ended: busy', from: 'from Ticket 7' },
        { destination: '15551234567', status: 'connected', from: 'from Contact 42' },
      ])
      const [, busy, unreachable] = (await ui.snapshot()).calls
      // Placed, then over before it rang: no talk time, and no error, as the line was merely busy.
      expect(busy).toMatchObject({ status: 'ended', endReason: 'busy', durationMs: 0 })
      expect(busy!.placedAt).toBeDefined()
      expect(busy).not.toHaveProperty('ringingAt')
      expect(busy).not.toHaveProperty('error')
      expect(unreachable).toMatchObject({ status: 'failed', error: { code: 'unreachable' } })
      // Only the live call can be hung up.
      expect(
        await driver.evaluate(() => document.querySelectorAll('#calls .hang-up').length, null),
      ).toBe(1)
    },
  },
  {
    name: 'an extension is dialled apart from its number, and a feature code keeps its *',
    async run({ ui }) {
      await ui.clickInTab('Contact 42', 'call-extension')
      await ui.clickInTab('Ticket 7', 'call-feature-code')
      await expect.poll(ui.calls, callPoll).toEqual([
        { destination: '*675551234', status: 'connected', from: 'from Ticket 7' },
        { destination: '5551234 ext. 89', status: 'connected', from: 'from Contact 42' },
      ])
      const { calls, tabs } = await ui.snapshot()
      const contact = tabs.find((tab) => tab.title === 'Contact 42')!
      expect(calls).toEqual([
        expect.objectContaining({ destination: '5551234', extension: '89', tabId: contact.id }),
        expect.not.objectContaining({ extension: expect.anything() }),
      ])
      expect(calls[1]).toMatchObject({ destination: '*675551234', status: 'connected' })
      expect(await ui.rejections()).toEqual([])
    },
  },
]
