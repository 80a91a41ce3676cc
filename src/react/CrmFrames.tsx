import type { HTMLAttributes, IframeHTMLAttributes } from 'react'
import type { CrmTab } from '../index.js'
import { useActiveCrmTab, useCrmTabs } from './crmStateHooks.js'
import { CrmTabFrame } from './CrmTabFrame.js'

/** Attributes for the tab iframes: the same for all, or made per tab. */
export type CrmFrameProps =
  | IframeHTMLAttributes<HTMLIFrameElement>
  | ((tab: CrmTab) => IframeHTMLAttributes<HTMLIFrameElement>)

/**
 * Props of {@link CrmFrames}: any `div` attribute (`id` defaults to the spec's `iframe-parent`), and
 * `frameProps`, the attributes of every tab iframe it renders (`allow`, `sandbox`,
 * `referrerPolicy`…). The frames' `src`, `hidden` and `data-crm-tab-id` stay the package's.
 *
 * @example
 * const props: CrmFramesProps = {
 *   className: 'crm-content',
 *   frameProps: { allow: 'clipboard-write; microphone', referrerPolicy: 'origin' },
 * }
 */
export interface CrmFramesProps extends HTMLAttributes<HTMLDivElement> {
  frameProps?: CrmFrameProps
}

function AllTabFrames({ frameProps }: { frameProps: CrmFrameProps | undefined }) {
  const active = useActiveCrmTab()
  return useCrmTabs().map((tab) => {
    const attributes = typeof frameProps === 'function' ? frameProps(tab) : frameProps
    // A frame shows its tab: without a `src`, CrmTabFrame shows the tab's URL, whatever the props say.
    return (
      <CrmTabFrame
        key={tab.id}
        {...attributes}
        src={undefined}
        tab={tab}
        hidden={tab.id !== active?.id}
      />
    )
  })
}

/**
 * The element that holds the tab iframes: the spec's `#iframe-parent`, where the bridge's fallback
 * looks for frames it was not told about. Without children it renders a {@link CrmTabFrame} for
 * every open tab, with `frameProps`, and hides all but the active one, so that background tabs
 * keep their pages.
 *
 * @example
 * <CrmFrames className="crm-content" frameProps={{ allow: 'clipboard-write' }} />
 */
export function CrmFrames({ children, frameProps, ...attributes }: CrmFramesProps) {
  return (
    <div id="iframe-parent" {...attributes}>
      {children ?? <AllTabFrames frameProps={frameProps} />}
    </div>
  )
}
