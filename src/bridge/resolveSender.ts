import { selectCrmTabById, selectCrmTabs, type CrmTabsRootState } from '../crmTabs/selectors.js'
import type { CrmTab } from '../crmTabs/types.js'
import type { CrmFrameRegistry } from './createFrameRegistry.js'

export type SenderResult =
  { ok: true; tab: CrmTab } | { ok: false; reason: 'unknown-source' | 'ambiguous-source' }

const UNKNOWN = { ok: false, reason: 'unknown-source' } as const
const AMBIGUOUS = { ok: false, reason: 'ambiguous-source' } as const

/** Whether the frame's `src` is `url`, as written or as resolved. */
const shows = (frame: HTMLIFrameElement, url: string) =>
  frame.getAttribute('src') === url || frame.src === url

/**
 * A frame found in the DOM names its tab by `data-crm-tab-id`, or else by its URL. Never a guess:
 * a frame that names a tab but shows another URL (re-pointed) is no one's, and a URL that several
 * open tabs have, or that several frames show (one of them re-pointed), is ambiguous. A tab that
 * has a registered frame speaks only through that frame: a stray iframe with its id or URL (a
 * leftover of a closed tab, another widget) never speaks for it.
 */
function tabOfFrame(
  state: CrmTabsRootState,
  frame: HTMLIFrameElement,
  frames: readonly HTMLIFrameElement[],
  registry: CrmFrameRegistry,
): SenderResult {
  const unclaimed = (tab: CrmTab) => registry.frameFor(tab.id) === undefined
  const named = frame.getAttribute('data-crm-tab-id')
  if (named !== null) {
    const tab = selectCrmTabById(state, named)
    return tab && unclaimed(tab) && shows(frame, tab.url) ? { ok: true, tab } : UNKNOWN
  }
  if (frame.getAttribute('src') === null) return UNKNOWN
  const matches = selectCrmTabs(state).filter((tab) => shows(frame, tab.url) && unclaimed(tab))
  const tab = matches[0]
  if (!tab) return UNKNOWN
  if (matches.length > 1 || frames.filter((other) => shows(other, tab.url)).length > 1) {
    return AMBIGUOUS
  }
  return { ok: true, tab }
}

/**
 * The open tab whose frame sent a message: through the registry first (constant time), else, when
 * a `frameContainer` selector is given, by the spec's scan of that container's iframes.
 */
export function resolveSender(
  source: unknown,
  state: CrmTabsRootState,
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
  // The spec's fallback: the iframes under the container, one of which has `source` as its window.
  const container = view.document.querySelector(frameContainer)
  if (!container) return UNKNOWN
  const frames = [...container.querySelectorAll('iframe')]
  const frame = frames.find((candidate) => candidate.contentWindow === source)
  return frame ? tabOfFrame(state, frame, frames, registry) : UNKNOWN
}
