import { expect } from 'vitest'
import { poll, type Scenario } from './types'

// A page that would post to UCP's window if it ran: as a data: URL, base64 so that the URL field
// takes it as valid.
const dataPage = `data:text/html;base64,${btoa("<script>parent.postMessage({ e2eRan: 'data' }, '*')</script>")}`

/** Tab URLs typed into the shell's "open your own page" field (issue 10 item 1). */
export const tabUrlScenarios: Scenario[] = [
  {
    name: 'the URL field refuses a javascript: or data: URL: no tab opens, nothing runs, and the shell says why',
    async run({ ui, driver, server }) {
      await driver.evaluate(() => {
        const seen: string[] = []
        ;(window as unknown as { __e2eRan: string[] }).__e2eRan = seen
        window.addEventListener('message', (event) => {
          const ran = (event.data as { e2eRan?: string } | null)?.e2eRan
          if (ran) seen.push(ran)
        })
      }, null)
      const before = await ui.titles()
      for (const url of [
        "javascript:void(top.__e2eRan.push('javascript'))",
        "JavaScript:void(top.__e2eRan.push('mixed-case'))",
        dataPage,
      ]) {
        await ui.openUrl(url) // typing clears the previous refusal
        await expect
          .poll(() => driver.read('.open-refused'), poll)
          .toContain('Not opened (invalid-tab-url)')
        expect(await ui.titles()).toEqual(before)
      }
      // An http(s) page still opens, and the frames that are there still show only http(s) URLs.
      await ui.openUrl(`${server.crmOrigin}/crm.html?crm=Acme&record=Typed`)
      await expect.poll(ui.titles, poll).toEqual([...before, new URL(server.crmOrigin).host])
      const srcs = await driver.evaluate(
        () => [...document.querySelectorAll('iframe')].map((frame) => frame.getAttribute('src')),
        null,
      )
      for (const src of srcs) expect(src).toMatch(/^http:\/\//)
      expect(
        await driver.evaluate(() => (window as unknown as { __e2eRan: string[] }).__e2eRan, null),
      ).toEqual([])
    },
  },
]
