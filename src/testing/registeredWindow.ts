import type { CrmBridge } from '../index.js'

/** The frame registered for `tabId`, and its window; throws, saying why, if there is none. */
export function registeredWindow(
  bridge: Pick<CrmBridge, 'registry'>,
  tabId: string,
  caller: string,
): { frame: HTMLIFrameElement; view: Window } {
  const frame = bridge.registry.frameFor(tabId)
  if (frame === undefined) {
    throw new Error(
      `${caller}: no frame is registered for tab ${tabId}: render CrmFrames, or call crm.registry.register(tabId, iframe)`,
    )
  }
  const view = frame.contentWindow
  if (view === null) {
    throw new Error(`${caller}: the frame of tab ${tabId} has no window: append it to the document`)
  }
  return { frame, view }
}
