import { crmTabOpened, selectCrmTabs } from 'ucp-crm-bridge'
import type { DemoConfig } from './demoConfig'
import type { DemoStore } from './createDemoStore'

/** A sample CRM page the shell offers to open. */
export interface SampleTab {
  /** A stable name, for tests: the button's `data-sample`. */
  id: string
  label: string
  title: string
  url: string
}

export function sampleTabs(config: DemoConfig): SampleTab[] {
  const page = (origin: string, crm: string, record: string) =>
    `${origin}/crm.html?${new URLSearchParams({ crm, record })}`
  return [
    {
      id: 'contact',
      label: 'Acme: Contact 42',
      title: 'Contact 42',
      url: page(config.crmOrigin, 'Acme', 'Contact 42'),
    },
    {
      id: 'deals',
      label: 'Acme: Deals',
      title: 'Deals',
      url: page(config.crmOrigin, 'Acme', 'Deals'),
    },
    {
      id: 'ticket',
      label: 'Globex: Ticket 7',
      title: 'Ticket 7',
      url: page(config.secondCrmOrigin, 'Globex', 'Ticket 7'),
    },
    {
      id: 'client',
      label: 'Acme: a page on ucp-crm-bridge/client',
      title: 'Client page',
      url: `${config.crmOrigin}/crm-client.html?${new URLSearchParams({ crm: 'Acme', record: 'Client page' })}`,
    },
  ]
}

/** Opens a tab; a second tab of the same URL gets a numbered title, so the strip tells them apart. */
export function openTab(
  store: DemoStore,
  { url, title }: Pick<SampleTab, 'url' | 'title'>,
  activate = true,
) {
  const same = selectCrmTabs(store.getState()).filter((tab) => tab.url === url).length
  const numbered = same === 0 ? title : `${title} (${same + 1})`
  return store.dispatch(crmTabOpened({ url, title: numbered, activate })).payload
}

/** What the demo opens with: two tabs of the same URL and one of the second CRM. */
export function openInitialTabs(store: DemoStore, samples: SampleTab[]): void {
  const [contact, , ticket] = samples
  for (const sample of [contact!, contact!, ticket!]) openTab(store, sample, false)
}
