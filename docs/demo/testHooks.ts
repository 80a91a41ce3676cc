import type { CrmBridge, CrmCallRequest, CrmMessageOutcome } from 'ucp-crm-bridge'
import type { DemoConfig } from './demoConfig'
import type { DemoStore } from './createDemoStore'
import type { LoggedCallStatus, LoggedMessage } from './messagesSlice'

/** Errors thrown in the shell, recorded from the start so that every engine's test can read them. */
const errors: string[] = []
/** What the shell's own `console` was given, for WebKit, whose driver reports no console. */
const written = { errors: [] as string[], warnings: [] as string[] }

export function recordErrors(): void {
  window.addEventListener('error', (event) => errors.push(String(event.message)))
  window.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)))
  for (const [level, list] of [
    ['error', written.errors],
    ['warn', written.warnings],
  ] as const) {
    const write = console[level].bind(console)
    console[level] = (...args: unknown[]) => {
      list.push(args.map(String).join(' '))
      write(...args)
    }
  }
}

/** What the end-to-end tests and the screenshot script read besides the DOM: plain data only. */
export function exposeForTests(store: DemoStore, crm: CrmBridge, config: DemoConfig): void {
  const snapshot = () => {
    const { crmTabs, crmCalls, demoMessages } = store.getState()
    const messages = demoMessages.filter(
      (entry): entry is LoggedMessage => entry.kind === 'message',
    )
    return JSON.parse(
      JSON.stringify({
        tabs: crmTabs.ids.map((id) => crmTabs.entities[id]),
        activeTabId: crmTabs.activeId,
        calls: crmCalls,
        messages,
        statuses: demoMessages.filter((entry) => entry.kind === 'status'),
        rejections: messages
          .filter((message) => message.reason !== undefined)
          .map(({ reason, type, origin, tabId }) => ({ reason, type, origin, tabId })),
        registeredFrames: crm.registry.size,
        errors,
      }),
    ) as DemoSnapshot
  }
  const consoleRecord = () => ({
    errors: [...errors, ...written.errors],
    warnings: [...written.warnings],
  })
  window.__ucpDemo = { config, snapshot, console: consoleRecord }
}

export interface DemoSnapshot {
  tabs: { id: string; url: string; title: string }[]
  activeTabId: string | null
  calls: CrmCallRequest[]
  /** What onOutcome told of each message, oldest first. */
  messages: CrmMessageOutcome[]
  /** The call statuses the Messages panel shows, oldest first. */
  statuses: LoggedCallStatus[]
  /** The refused ones among them. */
  rejections: { reason: string; type?: string; origin: string; tabId?: string }[]
  registeredFrames: number
  errors: string[]
}

declare global {
  interface Window {
    __ucpDemo: {
      config: DemoConfig
      snapshot: () => DemoSnapshot
      /** Uncaught errors and what the shell's console was given. */
      console: () => { errors: string[]; warnings: string[] }
    }
  }
}
