import { CrmFrames } from 'ucp-crm-bridge/react'
import { ActiveTabInfo } from './ActiveTabInfo'
import { MessagesPanel } from './MessagesPanel'
import { OpenTabBar } from './OpenTabBar'
import type { SampleTab } from './sampleTabs'
import type { Softphone } from './softphone'
import { SoftphonePanel } from './SoftphonePanel'
import { TabStrip } from './TabStrip'

/** The demo UCP shell: tabs of CRM pages, the softphone, and what UCP made of every message. */
export function App({ samples, softphone }: { samples: SampleTab[]; softphone: Softphone }) {
  return (
    <div className="shell">
      <header className="top">
        <h1>
          UCP <span>agent desktop · ucp-crm-bridge demo</span>
        </h1>
        <OpenTabBar samples={samples} />
      </header>
      <main className="workspace">
        <section className="crm" aria-label="CRM">
          <TabStrip />
          <ActiveTabInfo />
          {/* Every tab's frame stays mounted; only the active one is shown. */}
          <CrmFrames className="frames" />
        </section>
        <aside className="side">
          <SoftphonePanel softphone={softphone} />
          <MessagesPanel />
        </aside>
      </main>
    </div>
  )
}
