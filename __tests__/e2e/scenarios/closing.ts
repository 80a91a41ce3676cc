import { expect } from 'vitest'
import { REJECTED, poll, type Scenario } from './types'

const host = (origin: string) => new URL(origin).host

/** Tabs, and the spec's CLOSE_CRM_TAB, bare and by id. */
export const closingScenarios: Scenario[] = [
  {
    name: 'opens two tabs of one URL and one of a second CRM, each framed from its own origin',
    async run({ ui, server }) {
      const tabs = await ui.tabs()
      expect(tabs.map(({ title, host, selected }) => ({ title, host, selected }))).toEqual([
        { title: 'Contact 42', host: host(server.crmOrigin), selected: true },
        { title: 'Contact 42 (2)', host: host(server.crmOrigin), selected: false },
        { title: 'Ticket 7', host: host(server.secondCrmOrigin), selected: false },
      ])
      expect(new Set([server.shellOrigin, server.crmOrigin, server.secondCrmOrigin]).size).toBe(3)
      expect(await ui.readInTab('Ticket 7', '#origin')).toBe(server.secondCrmOrigin)
      expect(await ui.readInTab('Contact 42 (2)', '#origin')).toBe(server.crmOrigin)
      expect((await ui.snapshot()).registeredFrames).toBe(3)
    },
  },
  {
    name: 'a bare close closes exactly the sender, not the other tab at the same URL',
    async run({ ui }) {
      await ui.clickInTab('Contact 42 (2)', 'close')
      await expect.poll(ui.titles, poll).toEqual(['Contact 42', 'Ticket 7'])

      await ui.clickInTab('Contact 42', 'close')
      await expect.poll(ui.titles, poll).toEqual(['Ticket 7'])
      expect((await ui.tabs())[0]!.selected).toBe(true)
      expect(await ui.rejections()).toEqual([])
      expect((await ui.snapshot()).registeredFrames).toBe(1)
    },
  },
  {
    name: 'a close by id closes the named tab, not the sender',
    async run({ ui }) {
      const target = await ui.tabId('Contact 42 (2)')
      await ui.fillInTab('Contact 42', '#tab-id', target)
      await ui.clickInTab('Contact 42', 'close-by-id')
      await expect.poll(ui.titles, poll).toEqual(['Contact 42', 'Ticket 7'])
      expect((await ui.tabs())[0]!.selected).toBe(true)
      expect(await ui.rejections()).toEqual([])
    },
  },
  {
    name: "a close by id of another CRM origin's tab changes nothing and is logged as not-permitted",
    warns: REJECTED,
    async run({ ui, server }) {
      const before = await ui.effects()
      await ui.fillInTab('Ticket 7', '#tab-id', await ui.tabId('Contact 42'))
      await ui.clickInTab('Ticket 7', 'close-by-id')
      await expect.poll(ui.rejections, poll).toEqual([
        {
          reason: 'not-permitted',
          type: 'CLOSE_CRM_TAB',
          from: `from ${server.secondCrmOrigin}, Ticket 7`,
        },
      ])
      expect(await ui.titles()).toEqual(before.tabs.map((tab) => tab.title))
    },
  },
  {
    name: 'a tab in the background keeps its page while other tabs are shown and opened',
    async run({ ui }) {
      await ui.fillInTab('Contact 42', '#tab-id', 'typed before switching')
      await ui.activate('Ticket 7')
      await ui.openSample('deals')
      await expect
        .poll(ui.titles, poll)
        .toEqual(['Contact 42', 'Contact 42 (2)', 'Ticket 7', 'Deals'])
      expect(await ui.readInTab('Contact 42', '#tab-id')).toBe('typed before switching')
    },
  },
]
