import { expect } from 'vitest'
import { talkTime } from '../../../docs/demo/talkTime'
import { poll, type Scenario } from './types'

// The demo's softphone has a call answered about 2 s after the click.
const callPoll = { ...poll, timeout: 15_000 }
const CLIENT = 'Client page'

/** Call progress as the page that asked hears it: the client's call handle, and the Messages panel. */
export const progressScenarios: Scenario[] = [
  {
    name: "the client page logs its call from its handle's events (connected 00:0N, completed), its busy call ends not connected, and the Messages panel shows each status UCP tells it",
    async run({ ui, server }) {
      await ui.openSample('client')
      await expect.poll(() => ui.readInTab(CLIENT, '#hello'), poll).toBe(await ui.tabId(CLIENT))
      const log = () => ui.readInTab(CLIENT, '#call-log')
      await ui.clickInTab(CLIENT, 'client-call')
      await expect.poll(log, callPoll).toBe('call 1: connected')
      const [call] = (await ui.snapshot()).calls
      await ui.hangUp(call!.requestId)
      await expect.poll(log, callPoll).toMatch(/^call 1: connected \d\d:\d\d, completed$/)
      const [ended] = (await ui.snapshot()).calls
      expect(await log()).toBe(`call 1: connected ${talkTime(ended!.durationMs!)}, completed`)

      // Each step, newest first, for the page's own id of the call, sent to its origin.
      const to = `to ${server.crmOrigin}, ${CLIENT}, for its request ${ended!.clientRequestId}`
      expect(await ui.statuses()).toEqual([
        { status: 'ended', to, detail: `completed, talk time ${talkTime(ended!.durationMs!)}` },
        { status: 'connected', to, detail: '' },
        { status: 'ringing', to, detail: '' },
      ])

      await ui.clickInTab(CLIENT, 'client-call-busy')
      await expect
        .poll(log, callPoll)
        .toBe(
          `call 1: connected ${talkTime(ended!.durationMs!)}, completed` +
            'call 2: not connected, busy',
        )
      expect((await ui.statuses())[0]).toMatchObject({
        status: 'ended',
        detail: 'busy, talk time 00:00',
      })
      expect(await ui.readInTab(CLIENT, '#results')).toBe('makeCall: okmakeCall: ok')
    },
  },
]
