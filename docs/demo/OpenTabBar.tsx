import { useStore } from 'react-redux'
import type { DemoStore } from './createDemoStore'
import { openTab, type SampleTab } from './sampleTabs'

/** Buttons that open the sample CRM tabs, and a field to open any page as a tab. */
export function OpenTabBar({ samples }: { samples: SampleTab[] }) {
  const store = useStore() as DemoStore
  const openUrl = (form: FormData) => {
    const url = String(form.get('url') ?? '').trim()
    if (URL.canParse(url)) openTab(store, { url, title: new URL(url).host })
  }
  return (
    <nav className="open-tabs" aria-label="Open a CRM tab">
      {samples.map((sample) => (
        <button
          key={sample.id}
          type="button"
          data-sample={sample.id}
          onClick={() => openTab(store, sample)}
        >
          + {sample.label}
        </button>
      ))}
      <form action={openUrl}>
        <input name="url" type="url" placeholder="or open your CRM page's URL" aria-label="URL" />
        <button type="submit">Open</button>
      </form>
    </nav>
  )
}
