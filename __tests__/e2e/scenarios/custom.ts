import { expect } from 'vitest'
import { REJECTED, poll, type Scenario } from './types'

const CLIENT = 'Client page'
const ALL_TYPES = 'CLOSE_CRM_TAB, MAKE_CALL, OPEN_RECORD, GET_AGENT_STATE'

/** The demo UCP's own message types (OPEN_RECORD, GET_AGENT_STATE) and its grants by origin. */
export const customScenarios: Scenario[] = [
  {
    name: 'the client page opens a record as a new tab and reads the agent state; Globex, granted less, is told so in its hello and refused not-granted',
    warns: REJECTED,
    async run({ ui, server }) {
      await ui.openSample('client')
      await expect.poll(() => ui.readInTab(CLIENT, '#types'), poll).toBe(ALL_TYPES)
      await ui.clickInTab(CLIENT, 'client-agent-state')
      await expect
        .poll(() => ui.readInTab(CLIENT, '#agent-state'), poll)
        .toBe('available, 0 live call(s)')
      await ui.clickInTab(CLIENT, 'client-open-record')
      const opened = await ui.tabId('Contact 43')
      await expect
        .poll(() => ui.readInTab(CLIENT, '#results'), poll)
        .toBe(`GET_AGENT_STATE: okOPEN_RECORD: opened tab ${opened}`)
      const record = (await ui.snapshot()).tabs.find((tab) => tab.id === opened)!
      expect(new URL(record.url).origin).toBe(server.crmOrigin)
      expect(new URL(record.url).searchParams.get('crm')).toBe('Acme')

      // Globex's raw page asks anyway: refused before anything is done, and answered so.
      const before = await ui.titles()
      await ui.clickInTab('Ticket 7', 'raw-open-record')
      await expect
        .poll(() => ui.readInTab('Ticket 7', '#last-answer'), poll)
        .toBe('OPEN_RECORD_RESULT not-granted')
      const globex = `from ${server.secondCrmOrigin}, Ticket 7`
      expect(await ui.rejections()).toEqual([
        { reason: 'not-granted', type: 'OPEN_RECORD', from: globex },
      ])
      expect(await ui.titles()).toEqual(before)

      // Globex's client page is told what it may send, and refuses OPEN_RECORD itself: no round trip.
      const page = new URL('/crm-client.html', server.secondCrmOrigin)
      page.search = new URLSearchParams({ crm: 'Globex', record: 'Client' }).toString()
      await ui.openUrl(page.href)
      const title = page.host
      await expect
        .poll(() => ui.readInTab(title, '#types'), poll)
        .toBe('CLOSE_CRM_TAB, MAKE_CALL, GET_AGENT_STATE')
      await ui.clickInTab(title, 'client-open-record')
      await ui.clickInTab(title, 'client-agent-state')
      await expect
        .poll(() => ui.readInTab(title, '#results'), poll)
        .toBe('OPEN_RECORD: not-grantedGET_AGENT_STATE: ok')
      const id = await ui.tabId(title)
      const sent = (await ui.snapshot()).messages.filter((message) => message.tabId === id)
      expect(sent.map((message) => message.type)).toEqual(['CRM_HELLO', 'GET_AGENT_STATE'])
    },
  },
]
