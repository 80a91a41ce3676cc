import { useState } from 'react'
import { useStore } from 'react-redux'
import { CrmBridgeError } from 'ucp-crm-bridge'
import type { DemoStore } from './createDemoStore'
import { openTab, type SampleTab } from './sampleTabs'

/** Buttons that open the sample CRM tabs, and a field to open any page as a tab. */
export function OpenTabBar({ samples }: { samples: SampleTab[] }) {
  const store = useStore() as DemoStore
  const [refusal, setRefusal] = useState('')
  const openUrl = (form: FormData) => {
    const url = String(form.get('url') ?? '').trim()
    // crmTabOpened refuses any URL but an absolute http(s) one (javascript:, data:, relative…)
    // before it reaches the store: the shell says so instead of opening a tab.
    try {
      const title = URL.canParse(url) ? new URL(url).host : url
      openTab(store, { url, title })
      setRefusal('')
    } catch (error) {
      if (!(error instanceof CrmBridgeError)) throw error
      setRefusal(`Not opened (${error.code}): a tab URL must be an absolute http: or https: URL.`)
    }
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
        <input
          name="url"
          type="url"
          placeholder="or open your CRM page's URL"
          aria-label="URL"
          onChange={() => setRefusal('')}
        />
        <button type="submit">Open</button>
      </form>
      {refusal && (
        <p className="open-refused" role="alert">
          {refusal}
        </p>
      )}
    </nav>
  )
}
