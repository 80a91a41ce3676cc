// The bench's only imports of the package's internals, kept in this one file so that a move in
// src/ is re-pointed here alone. Everything else in bench/ uses the public entries.
import type { CrmFrameRegistry, CrmRootState } from 'ucp-crm-bridge'
import { resolveSender } from '../../src/bridge/resolveSender.js'

/**
 * The tab id that the bridge's own resolve path finds for a message's `source` (the registry,
 * then the tab in the store; the scan of `container` when the registry misses), or `undefined`.
 */
export function resolveSenderTabId(
  source: unknown,
  state: CrmRootState,
  registry: CrmFrameRegistry,
  view: Window,
  container: string,
): string | undefined {
  const sender = resolveSender(source, state, registry, view, container)
  return sender.ok ? sender.tab.id : undefined
}
