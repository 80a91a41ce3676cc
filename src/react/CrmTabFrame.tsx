import type { IframeHTMLAttributes } from 'react'
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef } from './reactApis.js'
import { isCrmTabUrl, type CrmTab } from '../index.js'
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
 * Its `ref` is the iframe element, under React 18 and 19 alike. A `src` (the tab's URL, or one
 * given as a prop) that is not an absolute http(s) URL is not rendered: the frame stays blank.
 *
 * @example
 * <CrmFrames>
 *   {tabs.map((tab) => <CrmTabFrame key={tab.id} tab={tab} hidden={tab.id !== activeId} />)}
 * </CrmFrames>
 */
export const CrmTabFrame = forwardRef<HTMLIFrameElement, CrmTabFrameProps>(function CrmTabFrame(
  { tab, src = tab.url, ...attributes },
  forwarded,
) {
  const { registry } = useCrmBridge()
  const ref = useRef<HTMLIFrameElement>(null)
  useImperativeHandle(forwarded, () => ref.current!, [])
  // A component instance renders one iframe element for its whole life (a new key or parent makes
  // a new instance), so the effect only follows the tab id and the registry. Registering a frame
  // twice changes nothing, and the returned release ignores a tab that has a newer frame: StrictMode's
  // extra mount and an out-of-order unmount are both harmless.
  useLayoutEffect(() => registry.register(tab.id, ref.current!), [registry, tab.id])
  // The second line of defence after crmTabOpened's check: a tab that reached the store some other
  // way (a restored state), or a `src` prop, never puts a javascript: or data: URL in the DOM.
  return (
    <iframe
      src={isCrmTabUrl(src) ? src : undefined}
      title={tab.title}
      {...attributes}
      data-crm-tab-id={tab.id}
      ref={ref}
    />
  )
})
