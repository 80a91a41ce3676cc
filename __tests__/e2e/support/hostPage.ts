import type { Browser, FrameLocator, Page } from 'playwright-core'
import type { ExampleSnapshot } from '../../../docs/example/host'

/** The example's tabs (docs/example/host.ts): two at one URL, one more, one spoofed. */
export type TabName = 'contact' | 'contactAgain' | 'deals' | 'spoofed'
/** The buttons of a CRM page (docs/example/server.mjs). */
export type CrmButton = 'close' | 'close-by-id' | 'call' | 'malformed'

const tabFrame = (id: string) => `#iframe-parent iframe[data-crm-tab-id="${id}"]`
const strayFrame = '#iframe-parent iframe[data-role="unregistered"]'

export interface HostPage {
  page: Page
  ids: Record<TabName, string>
  /** The example's state as plain data, read in the page. */
  snapshot(): Promise<ExampleSnapshot>
  /** The frame of a tab, or the frame that is no tab's. */
  frame(which: TabName | 'stray'): FrameLocator
  /** Clicks a button inside a CRM frame, as an agent would. */
  click(which: TabName | 'stray', button: CrmButton): Promise<void>
  /** Each iframe in #iframe-parent: its tab (or role), the origin Playwright sees it load from,
   * and whether the host page is refused access to its document. */
  frameOrigins(): Promise<{ key: string; origin: string; hostCanRead: boolean }[]>
  /**
   * The state once at least `count` rejections were reported, or after 5 s without them: the
   * caller's exact assertions then show what did happen instead.
   */
  afterRejections(count: number): Promise<ExampleSnapshot>
  /** Errors thrown in the host page so far. */
  errors: string[]
  close(): Promise<void>
}

/** Opens the example host page in a fresh browser context and waits until every CRM frame is ready. */
export async function openHostPage(browser: Browser, hostOrigin: string): Promise<HostPage> {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })

  try {
    await page.goto(`${hostOrigin}/`)
    await page.waitForFunction(() => window.__e2e !== undefined, undefined, { timeout: 10_000 })
  } catch (error) {
    await context.close()
    const reason = errors.join('\n') || (error as Error).message
    throw new Error(`The example host page did not start:\n${reason}`)
  }
  const ids = await page.evaluate(() => window.__e2e.tabIds)
  const selector = (which: TabName | 'stray') =>
    which === 'stray' ? strayFrame : tabFrame(ids[which])
  const frame = (which: TabName | 'stray') => page.frameLocator(selector(which))
  for (const which of [...(Object.keys(ids) as TabName[]), 'stray' as const]) {
    await frame(which).locator('body[data-ready="true"]').waitFor({ timeout: 10_000 })
  }

  return {
    page,
    ids,
    errors,
    frame,
    snapshot: () => page.evaluate(() => window.__e2e.snapshot()),
    async afterRejections(count) {
      await page
        .waitForFunction((n) => window.__e2e.snapshot().rejections.length >= n, count, {
          timeout: 5_000,
        })
        .catch(() => undefined)
      return page.evaluate(() => window.__e2e.snapshot())
    },
    async click(which, button) {
      try {
        await frame(which).locator(`#${button}`).click({ timeout: 5_000 })
      } catch (error) {
        const open = await page.evaluate(() => window.__e2e.snapshot().frameTabIds)
        throw new Error(
          `Could not click #${button} in the ${which} frame; frames now: ${open.join(', ')}\n` +
            (error as Error).message,
        )
      }
    },
    async frameOrigins() {
      const result = []
      for (const iframe of await page.locator('#iframe-parent iframe').all()) {
        const key =
          (await iframe.getAttribute('data-crm-tab-id')) ??
          `(${await iframe.getAttribute('data-role')})`
        const content = await (await iframe.elementHandle())?.contentFrame()
        const hostCanRead = await iframe.evaluate((element) => {
          try {
            return (element as HTMLIFrameElement).contentWindow?.document !== undefined
          } catch {
            return false // SecurityError: a cross-origin document
          }
        })
        result.push({ key, origin: content ? new URL(content.url()).origin : '', hostCanRead })
      }
      return result
    },
    close: () => context.close(),
  }
}
