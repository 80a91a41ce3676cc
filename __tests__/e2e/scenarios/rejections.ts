import { expect } from 'vitest'
import { REJECTED, poll, type Scenario } from './types'

/** Messages the bridge must refuse, and the log of rejections that shows them. */
export const rejectionScenarios: Scenario[] = [
  {
    name: 'a tab frame that navigated to a disallowed origin changes nothing and is logged as origin-not-allowed',
    warns: REJECTED,
    async run({ ui, server }) {
      await ui.clickInTab('Contact 42', 'navigate')
      await expect.poll(() => ui.readInTab('Contact 42', '#name'), poll).toBe('Identity provider')
      const before = await ui.effects()

      await ui.clickInTab('Contact 42', 'close')
      await ui.clickInTab('Contact 42', 'call')
      const from = `from ${server.identityOrigin}, Contact 42`
      await expect.poll(ui.rejections, poll).toEqual([
        { reason: 'origin-not-allowed', type: 'MAKE_CALL', from },
        { reason: 'origin-not-allowed', type: 'CLOSE_CRM_TAB', from },
      ])
      expect(await ui.effects()).toEqual(before)

      // Back on its own origin, the same frame is obeyed again.
      await ui.reloadFrame('Contact 42')
      await expect.poll(() => ui.readInTab('Contact 42', '#name'), poll).toBe('Acme')
      await ui.clickInTab('Contact 42', 'close')
      await expect.poll(ui.titles, poll).toEqual(['Contact 42 (2)', 'Ticket 7'])
    },
  },
  {
    name: 'malformed messages change nothing, and each typed one is logged with its reason code',
    warns: REJECTED,
    async run({ ui, server }) {
      const before = await ui.effects()
      for (const button of [
        'bad-unknown-type',
        'bad-no-payload',
        'bad-number',
        'bad-no-digits',
        'bad-close-id',
        'bad-no-type',
      ] as const) {
        await ui.clickInTab('Contact 42', button)
      }
      // Messages from one frame arrive in order: once this call shows, all of the above were handled.
      await ui.clickInTab('Contact 42', 'call')
      await expect.poll(async () => (await ui.calls()).length, poll).toBe(1)

      const from = `from ${server.crmOrigin}, Contact 42`
      expect(await ui.rejections()).toEqual([
        { reason: 'invalid-message', type: 'CLOSE_CRM_TAB', from },
        { reason: 'invalid-destination', type: 'MAKE_CALL', from },
        { reason: 'invalid-destination', type: 'MAKE_CALL', from },
        { reason: 'invalid-message', type: 'MAKE_CALL', from },
        { reason: 'unknown-type', type: 'message', from },
      ])
      expect(await ui.tabs()).toEqual(before.tabs)
      expect((await ui.calls())[0]!.destination).toBe('15551234567')
    },
  },
  {
    name: 'a message from the shell window itself changes nothing and is logged as unknown-source',
    warns: REJECTED,
    async run({ ui, driver, server }) {
      const before = await ui.effects()
      await driver.evaluate(() => {
        window.postMessage({ type: 'CLOSE_CRM_TAB' }, '*')
        window.postMessage(
          { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } },
          '*',
        )
      }, null)
      const from = `from ${server.shellOrigin}`
      await expect.poll(ui.rejections, poll).toEqual([
        { reason: 'unknown-source', type: 'MAKE_CALL', from },
        { reason: 'unknown-source', type: 'CLOSE_CRM_TAB', from },
      ])
      expect(await ui.effects()).toEqual(before)
    },
  },
]
