import { selectCrmTabById, selectCrmTabs } from '../crmTabs/selectors.js'
import type { CrmTab } from '../crmTabs/types.js'
import type { CrmFrameRegistry } from '../registry/types.js'
import type { CrmRootState } from '../store/types.js'

export type SenderResult =
  { ok: true; tab: CrmTab } | { ok: false; reason: 'unknown-source' | 'ambiguous-source' }

const UNKNOWN = { ok: false, reason: 'unknown-source' } as const

/** The spec's fallback: the iframe under the container whose window is `source`. Linear in frames. */
function findFrameInDom(
  view: Window,
  selector: string,
  source: object,
): HTMLIFrameElement | undefined {
  const container = view.document.querySelector(selector)
  if (!container) return undefined
  for (const frame of container.querySelectorAll('iframe')) {
    if (frame.contentWindow === source) return frame
  }
  return undefined
}

/**
 * A frame found in the DOM names its tab by `data-crm-tab-id`, or else by its URL if that is
 * unique. A tab that has a registered frame speaks only through that frame: a stray iframe with
 * its id or URL (a leftover of a closed tab, another widget) never speaks for it.
 */
function tabOfFrame(
  state: CrmRootState,
  frame: HTMLIFrameElement,
  registry: CrmFrameRegistry,
): SenderResult {
  const unclaimed = (tab: CrmTab) => registry.frameFor(tab.id) === undefined
  const named = frame.getAttribute('data-crm-tab-id')
  if (named !== null) {
    const tab = selectCrmTabById(state, named)
    return tab && unclaimed(tab) ? { ok: true, tab } : UNKNOWN
  }
  const src = frame.getAttribute('src')
  if (src === null) return UNKNOWN
  const resolved = frame.src
  const matches = selectCrmTabs(state).filter(
    (tab) => (tab.url === src || tab.url === resolved) && unclaimed(tab),
  )
  if (matches.length > 1) return { ok: false, reason: 'ambiguous-source' }
  return matches[0] ? { ok: true, tab: matches[0] } : UNKNOWN
}

/**
 * The open tab whose frame sent a message: through the registry first (constant time), else, when
 * a `frameContainer` selector is given, by the spec's scan of that container's iframes.
 */
export function resolveSender(
  source: unknown,
  state: CrmRootState,
  registry: CrmFrameRegistry,
  view: Window,
  frameContainer: string | undefined,
): SenderResult {
  if (typeof source !== 'object' || source === null || source === view) return UNKNOWN
  const tabId = registry.tabIdFor(source)
  if (tabId !== undefined) {
    const tab = selectCrmTabById(state, tabId)
    return tab ? { ok: true, tab } : UNKNOWN
  }
  if (frameContainer === undefined) return UNKNOWN
  const frame = findFrameInDom(view, frameContainer, source)
  return frame ? tabOfFrame(state, frame, registry) : UNKNOWN
}
