// The host worlds of the client's cases (clientCases.ts), each a UCP wired as a real one may be,
// with a CRM page on the real client in one tab. trustHost.tsx adds them to its cases.
import { configureStore, createDynamicMiddleware } from '@reduxjs/toolkit'
import { crmReducers, type CrmBridge, type CrmBridgeOptions } from 'ucp-crm-bridge'

/** How long after its frame loaded the late UCP starts its bridge. */
export const LATE_START_MS = 20_000
/**
 * RTK's development checks, allowed 1 s before they warn rather than 32 ms: on a loaded machine
 * they take longer whatever the state, and the console checks would read that as the package's.
 */
export const SLOW_MACHINE_CHECKS = {
  serializableCheck: { warnAfter: 1000 },
  immutableCheck: { warnAfter: 1000 },
}
/** A number whose dial never settles (a softphone stuck in ICE, say), as UCP dials it. */
export const HUNG_DIAL = '15550109999'

/** What the worlds take from the host page. */
export interface ClientWorldKit {
  origins: Record<string, string>
  seen: { dials: string[]; markers: unknown[] }
  frames: Record<string, HTMLIFrameElement>
  tabIds: Record<string, string>
  makeBridge(options?: Partial<CrmBridgeOptions>): CrmBridge
  makeStore(...bridges: CrmBridge[]): unknown
  openFramedTab(store: never, crm: CrmBridge, key: string, url: string): void
}

export function clientWorlds(kit: ClientWorldKit) {
  const { origins, seen, frames, tabIds, makeBridge } = kit
  const openFramedTab = kit.openFramedTab as (
    store: unknown,
    crm: CrmBridge,
    key: string,
    url: string,
  ) => void
  /** The client page, trusting `parent` as UCP's origin. */
  const clientPage = (parent: string, timeout = 3000) =>
    `${origins.crm}/client.html?${new URLSearchParams({ name: 'client', parent, timeout: String(timeout) })}`

  return {
    // UCP starts its bridge after the agent signed in: 20 s after the page loaded.
    clientLateBridge() {
      const crm = makeBridge()
      const store = kit.makeStore(crm)
      openFramedTab(store, crm, 'client', clientPage(origins.host!))
      const loadedAt = performance.now()
      frames.client!.addEventListener(
        'load',
        () =>
          setTimeout(() => {
            crm.start(store as never)
            seen.markers.push({ bridgeStartedAfterLoadMs: performance.now() - loadedAt })
          }, LATE_START_MS),
        { once: true },
      )
      return { store, crm }
    },
    // UCP signs the agent out and in again: its bridge is destroyed, and a new one starts on the
    // same store and frames. The store takes the new bridge's middleware as RTK adds one late.
    clientRestartedBridge() {
      const dynamic = createDynamicMiddleware()
      const store = configureStore({
        reducer: crmReducers,
        middleware: (getDefault) => getDefault(SLOW_MACHINE_CHECKS).prepend(dynamic.middleware),
      })
      const telephony = {
        dial: (destination: string) => {
          seen.dials.push(destination)
          return destination === HUNG_DIAL ? new Promise<void>(() => {}) : undefined
        },
      }
      let crm = makeBridge({ telephony })
      dynamic.addMiddleware(crm.middleware)
      crm.start(store)
      openFramedTab(store, crm, 'client', clientPage(origins.host!))
      const steps = {
        restart() {
          crm.destroy()
          crm = makeBridge({ telephony })
          dynamic.addMiddleware(crm.middleware)
          crm.start(store)
          crm.registry.register(tabIds.client!, frames.client!)
        },
      }
      return {
        store,
        get crm() {
          return crm
        },
        steps,
      }
    },
    // The shell at 127.0.0.1, the page told localhost (issue 21's mistake, the other way round).
    clientWrongParent() {
      const crm = makeBridge()
      const store = kit.makeStore(crm)
      crm.start(store as never)
      openFramedTab(store, crm, 'client', clientPage(origins.crm!))
      return { store, crm }
    },
  }
}
