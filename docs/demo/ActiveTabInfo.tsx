import { useActiveCrmTab } from 'ucp-crm-bridge/react'

/** What the active tab is: its URL and its id, which a CRM page may name in CLOSE_CRM_TAB. */
export function ActiveTabInfo() {
  const tab = useActiveCrmTab()
  if (!tab) return null
  return (
    <p className="active-tab">
      <span>{tab.url}</span>
      <span>
        tab id <code id="active-tab-id">{tab.id}</code>
      </span>
    </p>
  )
}
