import { expect } from 'vitest'
import { poll, type Scenario } from './types'

// The demo's softphone connects after 1.5 s, so "dialing" is seen before "connected".
const callPoll = { ...poll, timeout: 8_000 }

/** The spec's MAKE_CALL, through the demo's simulated softphone. */
export const callScenarios: Scenario[] = [
  {
    name: "MAKE_CALL with the spec's example dials 15551234567, dialing and then connected",
    async run({ ui }) {
      const before = await ui.titles()
      await ui.clickInTab('Contact 42 (2)', 'call')
      const call = { destination: '15551234567', from: 'from Contact 42 (2)' }
      await expect.poll(ui.calls, callPoll).toEqual([{ ...call, status: 'dialing' }])
      await expect.poll(ui.calls, callPoll).toEqual([{ ...call, status: 'connected' }])

      const { calls, tabs } = await ui.snapshot()
      expect(calls).toMatchObject([{ destination: '15551234567', tabId: tabs[1]!.id }])
      expect(await ui.titles()).toEqual(before)
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: 'a call to the reserved number fails and the softphone says so, beside a call that connects',
    async run({ ui }) {
      await ui.clickInTab('Contact 42', 'call')
      await ui.clickInTab('Ticket 7', 'call-failing')
      await expect.poll(ui.calls, callPoll).toEqual([
        {
          destination: '15550000000',
          status: 'failed',
          from: 'from Ticket 7: The number is unreachable',
        },
        { destination: '15551234567', status: 'connected', from: 'from Contact 42' },
      ])
      expect((await ui.snapshot()).calls.map((call) => call.status)).toEqual(['placed', 'failed'])
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
      expect(calls[1]).toMatchObject({ destination: '*675551234', status: 'placed' })
      expect(await ui.rejections()).toEqual([])
    },
  },
]
