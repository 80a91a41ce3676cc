import { useLayoutEffect, useRef, type IframeHTMLAttributes } from 'react'
import type { CrmTab } from '../index.js'
import { useCrmBridge } from './CrmBridgeContext.js'

/**
 * Props of {@link CrmTabFrame}: the tab, and any iframe attribute (`hidden`, `className`, `allow`…).
 *
 * @example
 * const props: CrmTabFrameProps = { tab, hidden: tab.id !== activeId, allow: 'microphone' }
 */
export interface CrmTabFrameProps extends IframeHTMLAttributes<HTMLIFrameElement> {
  /** The tab to show; its `url` is the default `src`, its `title` the default `title`. */
  tab: Pick<CrmTab, 'id' | 'url' | 'title'>
}

/**
 * One CRM tab's iframe, tagged with `data-crm-tab-id` and registered with the bridge's registry
 * for as long as it is mounted, so that the tab's messages are traced to it in constant time.
 * Keep it mounted (with `hidden`) while its tab is in the background: unmounting unloads the page.
 *
 * @example
 * <CrmFrames>
 *   {tabs.map((tab) => <CrmTabFrame key={tab.id} tab={tab} hidden={tab.id !== activeId} />)}
 * </CrmFrames>
 */
export function CrmTabFrame({ tab, ...attributes }: CrmTabFrameProps) {
  const { registry } = useCrmBridge()
  const ref = useRef<HTMLIFrameElement>(null)
  // A component instance renders one iframe element for its whole life (a new key or parent makes
  // a new instance), so the effect only follows the tab id and the registry. Registering a frame
  // twice changes nothing, and the returned release ignores a tab that has a newer frame: StrictMode's
  // extra mount and an out-of-order unmount are both harmless.
  useLayoutEffect(() => registry.register(tab.id, ref.current!), [registry, tab.id])
  return (
    <iframe src={tab.url} title={tab.title} {...attributes} data-crm-tab-id={tab.id} ref={ref} />
  )
}
