import { crmTabActivated } from 'ucp-crm-bridge'
import { useActiveCrmTab, useCrmBridge, useCrmTabs } from 'ucp-crm-bridge/react'
import { useDemoDispatch } from './useDemo'

/** The tab strip: a tab per open CRM tab, UCP's own close button on each. */
export function TabStrip() {
  const tabs = useCrmTabs()
  const active = useActiveCrmTab()
  const crm = useCrmBridge()
  const dispatch = useDemoDispatch()
  return (
    <div id="tab-strip" role="tablist" aria-label="CRM tabs">
      {tabs.length === 0 && <p className="empty">No CRM tab is open: open one above.</p>}
      {tabs.map((tab) => (
        <div key={tab.id} className="tab" data-crm-tab-id={tab.id}>
          <button
            type="button"
            role="tab"
            aria-selected={tab.id === active?.id}
            onClick={() => dispatch(crmTabActivated({ id: tab.id }))}
          >
            <span className="tab-title">{tab.title}</span>
            <small>{new URL(tab.url).host}</small>
          </button>
          <button
            type="button"
            className="tab-close"
            aria-label={`Close ${tab.title}`}
            onClick={() => dispatch(crm.closeTab(tab.id))}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
