import { expect } from 'vitest'
import type { DemoSnapshot } from '../../../docs/demo/testHooks'
import type { EngineDriver } from '../drivers/types'

/** The sample CRM page's buttons (docs/demo/crm.html). */
export type CrmButton =
  | 'close'
  | 'close-by-id'
  | 'call'
  | 'call-busy'
  | 'call-failing'
  | 'call-extension'
  | 'call-feature-code'
  | 'navigate'
  | 'bad-unknown-type'
  | 'bad-no-payload'
  | 'bad-number'
  | 'bad-no-digits'
  | 'bad-close-id'
  | 'bad-no-type'
  | 'raw-call-with-id'
  | 'raw-open-record'
  | 'client-call'
  | 'client-call-busy'
  | 'client-call-failing'
  | 'client-call-invalid'
  | 'client-close'
  | 'client-close-by-id'
  | 'client-open-record'
  | 'client-agent-state'
  | 'reload'

/** The demo's sample tab buttons (docs/demo/sampleTabs.ts). */
export type SampleName = 'contact' | 'deals' | 'ticket' | 'client'

export interface TabView {
  id: string
  title: string
  host: string
  selected: boolean
}

/** Reads each item of a list (`items` selects them) as the texts of its parts, each found by a selector. */
function readList<K extends string>(driver: EngineDriver, items: string, parts: Record<K, string>) {
  return driver.evaluate(
    (arg) =>
      [...document.querySelectorAll(arg.items)].map((item) =>
        Object.fromEntries(
          Object.entries(arg.parts).map(([key, selector]) => [
            key,
            item.querySelector(selector as string)?.textContent ?? '',
          ]),
        ),
      ),
    { items, parts },
  ) as Promise<Record<K, string>[]>
}

const tabFrame = (tabId: string) => `#iframe-parent iframe[data-crm-tab-id="${tabId}"]`

/**
 * Runs in the page: resolves `true` once an element matches `selector`, as a MutationObserver sees
 * the DOM change, or `false` after `timeoutMs`.
 */
function untilShown({ selector, timeoutMs }: { selector: string; timeoutMs: number }) {
  return new Promise<boolean>((resolve) => {
    if (document.querySelector(selector)) return resolve(true)
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return
      observer.disconnect()
      clearTimeout(timer)
      resolve(true)
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      resolve(false)
    }, timeoutMs)
    observer.observe(document, { childList: true, subtree: true })
  })
}

/**
 * The demo shell as a person sees it, on any engine: what the tab strip and the panels show, and
 * clicks in the CRM pages. Lists read as the panels show them: newest first.
 */
export function demoUi(driver: EngineDriver, shellUrl: string) {
  let markers = 0
  const ui = {
    /** Loads the shell afresh and waits until its first tabs are shown. */
    async open(): Promise<void> {
      await driver.open(shellUrl)
      if (!(await driver.evaluate(untilShown, { selector: '.tab', timeoutMs: 10_000 })))
        throw new Error(`${driver.engine}: the demo shell did not start`)
    },
    snapshot: () =>
      driver.evaluate(() => window.__ucpDemo.snapshot(), null) as Promise<DemoSnapshot>,
    tabs: () =>
      driver.evaluate(
        () =>
          [...document.querySelectorAll<HTMLElement>('#tab-strip .tab')].map((tab) => ({
            id: tab.dataset.crmTabId ?? '',
            title: tab.querySelector('.tab-title')?.textContent ?? '',
            host: tab.querySelector('small')?.textContent ?? '',
            selected: tab.querySelector('[role="tab"]')?.getAttribute('aria-selected') === 'true',
          })),
        null,
      ) as Promise<TabView[]>,
    titles: async () => (await ui.tabs()).map((tab) => tab.title),
    /** The id of the tab titled `title`, once the strip shows it (a tab just opened may not yet). */
    async tabId(title: string): Promise<string> {
      let id: string | undefined
      const idOf = async () => (id = (await ui.tabs()).find((tab) => tab.title === title)?.id)
      await expect
        .poll(idOf, { timeout: 5_000, message: `No tab titled ${title} in the strip` })
        .toBeDefined()
      return id!
    },
    calls: () =>
      readList(driver, '#calls li', {
        destination: '.destination',
        status: '.status',
        from: '.from',
      }),
    /** Ends the call with the softphone's Hang up, as the agent does. */
    hangUp: (requestId: string) =>
      driver.click(`#calls li[data-request-id="${requestId}"] .hang-up`),
    /** The Messages panel's messages, as shown (its call statuses apart). */
    messages: () =>
      readList(driver, '#messages li[data-kind="message"]', {
        reason: '.reason',
        type: '.type',
        from: '.from',
        answer: '.answer',
        elapsed: '.elapsed',
        destination: '.destination',
      }),
    /** The Messages panel's call statuses, as shown. */
    statuses: () =>
      readList(driver, '#messages li[data-kind="status"]', {
        status: '.reason',
        to: '.from',
        detail: '.answer',
      }),
    /** The refused messages of the Messages panel. */
    rejections: () =>
      readList(driver, '#messages li[data-outcome="refused"]', {
        reason: '.reason',
        type: '.type',
        from: '.from',
      }),
    /** Shows the numbers in the Messages panel, or hides them again, as its checkbox does. */
    toggleNumbers: () => driver.click('#show-numbers'),
    /** Everything a CRM message could change, for "nothing changed" checks. */
    effects: async () => ({ tabs: await ui.tabs(), calls: await ui.calls() }),
    openSample: (name: SampleName) => driver.click(`[data-sample="${name}"]`),
    /** Opens any page as a tab, through the shell's URL field. */
    async openUrl(url: string): Promise<void> {
      await driver.fill('.open-tabs input[name="url"]', url)
      await driver.click('.open-tabs button[type="submit"]')
    },
    /** Shows the tab, as clicking it in the strip does. */
    activate: async (title: string) =>
      driver.click(`#tab-strip .tab[data-crm-tab-id="${await ui.tabId(title)}"] [role="tab"]`),
    /** Shows the tab, then clicks a button of its CRM page once the page is ready. */
    async clickInTab(title: string, button: CrmButton): Promise<void> {
      await ui.activate(title)
      await driver.click(`body[data-ready] #${button}`, tabFrame(await ui.tabId(title)))
    },
    async fillInTab(title: string, selector: string, value: string): Promise<void> {
      await ui.activate(title)
      await driver.fill(`body[data-ready] ${selector}`, value, tabFrame(await ui.tabId(title)))
    },
    async readInTab(title: string, selector: string): Promise<string> {
      await ui.activate(title)
      return driver.read(selector, tabFrame(await ui.tabId(title)))
    },
    /**
     * Posts a marker from the shell's window to the tab's frame and waits until its page shows it.
     * Messages from one window arrive in order, so whatever the shell posted to the page before
     * (an answer, a hello) has arrived by then.
     */
    async mark(title: string): Promise<void> {
      const n = ++markers
      await driver.evaluate(
        ({ selector, n }) =>
          document
            .querySelector<HTMLIFrameElement>(selector)!
            .contentWindow!.postMessage({ type: 'E2E_MARKER', n }, '*'),
        { selector: tabFrame(await ui.tabId(title)), n },
      )
      // The page is another origin's: the shell cannot watch it, the driver reads it.
      await expect
        .poll(() => ui.readInTab(title, '#marker'), {
          timeout: 5_000,
          message: `${driver.engine}: marker ${n} never reached ${title}`,
        })
        .toBe(String(n))
    },
    /** Closes the tab with UCP's own close button on the tab strip. */
    closeWithButton: async (title: string) =>
      driver.click(`#tab-strip .tab[data-crm-tab-id="${await ui.tabId(title)}"] .tab-close`),
    /** Sandboxes the tab's frame (`sandbox` as given) and loads its page again, as UCP may do. */
    sandboxFrame: async (title: string, sandbox: string) =>
      driver.evaluate(
        ({ selector, sandbox }) => {
          const frame = document.querySelector<HTMLIFrameElement>(selector)!
          frame.setAttribute('sandbox', sandbox)
          // Flags apply from the next navigation: load the tab's URL again.
          frame.contentWindow!.location.replace(frame.src)
        },
        { selector: tabFrame(await ui.tabId(title)), sandbox },
      ),
    /** Loads the tab's URL again in its frame, as after a navigation away. */
    reloadFrame: async (title: string) =>
      driver.evaluate(
        (selector) => {
          const frame = document.querySelector<HTMLIFrameElement>(selector)!
          frame.setAttribute('src', frame.getAttribute('src')!) // setting src navigates, even to the same URL
        },
        tabFrame(await ui.tabId(title)),
      ),
  }
  return ui
}

export type DemoUi = ReturnType<typeof demoUi>
