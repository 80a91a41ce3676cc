import type { HTMLAttributes } from 'react'
import { useActiveCrmTab, useCrmTabs } from './crmStateHooks.js'
import { CrmTabFrame } from './CrmTabFrame.js'

/**
 * Props of {@link CrmFrames}: any `div` attribute; `id` defaults to the spec's `iframe-parent`.
 *
 * @example
 * const props: CrmFramesProps = { className: 'crm-content', children: <CrmTabFrame tab={tab} /> }
 */
export type CrmFramesProps = HTMLAttributes<HTMLDivElement>

function AllTabFrames() {
  const active = useActiveCrmTab()
  return useCrmTabs().map((tab) => (
    <CrmTabFrame key={tab.id} tab={tab} hidden={tab.id !== active?.id} />
  ))
}

/**
 * The element that holds the tab iframes: the spec's `#iframe-parent`, where the bridge's fallback
 * looks for frames it was not told about. Without children it renders a {@link CrmTabFrame} for
 * every open tab and hides all but the active one, so that background tabs keep their pages.
 *
 * @example
 * <CrmFrames className="crm-content" />
 */
export function CrmFrames({ children, ...attributes }: CrmFramesProps) {
  return (
    <div id="iframe-parent" {...attributes}>
      {children ?? <AllTabFrames />}
    </div>
  )
}
