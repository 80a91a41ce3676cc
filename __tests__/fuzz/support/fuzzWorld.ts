// The host page the fuzzer attacks: real jsdom frames for every kind of sender, built once per
// file, and a fresh bridge and store for each generated run.
import { configureStore } from '@reduxjs/toolkit'
import { vi } from 'vitest'
import {
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  type CrmBridgeOptions,
  type CrmDialContext,
  type CrmErrorHandler,
  type CrmTab,
} from 'ucp-crm-bridge'
import { recordActions } from '../../support/harness'
import type { SourceKind } from './messageArbitraries'
import { DEFAULT_NORMALIZER, type NormalizerCase } from './normalizerCases'

/** The tabs each run opens; tab3 and tab4 have frames the bridge finds only by the spec's fallback. */
export const TAB_URLS = [
  'https://crm.example.com/a',
  'https://crm.example.com/b',
  'https://other.example/c',
  'https://crm.example.com/d',
  'https://other.example/e',
] as const
const REGISTERED = 3

export interface PostedAnswer {
  to: SourceKind
  message: unknown
  targetOrigin: unknown
}

function frameIn(parent: Element, src?: string): HTMLIFrameElement {
  const frame = parent.ownerDocument.createElement('iframe')
  if (src !== undefined) frame.setAttribute('src', src)
  parent.append(frame)
  return frame
}

/** Builds the page: `#iframe-parent` with the tab frames and a stray one, and every other sender. */
export function buildPage() {
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  const container = document.getElementById('iframe-parent') as HTMLElement
  const tabFrames = TAB_URLS.map((url) => frameIn(container, url))
  const stray = frameIn(container, TAB_URLS[0])
  const stranger = frameIn(document.body, TAB_URLS[0])
  // The CRM page of tab0 (empty in jsdom, which loads no URL) gets a frame of its own.
  const crmPage = tabFrames[0]!.contentDocument as Document
  crmPage.append(crmPage.createElement('html'))
  crmPage.documentElement.append(crmPage.createElement('body'))
  const nested = frameIn(crmPage.body, TAB_URLS[0])
  const removedFrame = frameIn(container, TAB_URLS[1])
  const removed = removedFrame.contentWindow
  removedFrame.remove()

  const sources: Record<SourceKind, unknown> = {
    tab0: tabFrames[0]!.contentWindow,
    tab1: tabFrames[1]!.contentWindow,
    tab2: tabFrames[2]!.contentWindow,
    tab3: tabFrames[3]!.contentWindow,
    tab4: tabFrames[4]!.contentWindow,
    stray: stray.contentWindow,
    stranger: stranger.contentWindow,
    nested: nested.contentWindow,
    removed,
    top: window,
    null: null,
    object: { postMessage: () => undefined },
  }
  // Every window the bridge could answer: the calls are recorded, never delivered.
  const answers: PostedAnswer[] = []
  for (const [kind, source] of Object.entries(sources) as [SourceKind, unknown][]) {
    if (kind === 'top' || typeof source !== 'object' || source === null) continue
    vi.spyOn(source as Window, 'postMessage').mockImplementation(
      (message: unknown, targetOrigin?: unknown) =>
        void answers.push({ to: kind, message, targetOrigin }),
    )
  }
  return { tabFrames, sources, answers }
}

export type FuzzPage = ReturnType<typeof buildPage>

/**
 * A bridge and a real store (RTK's serializable and immutable checks on) for one run, with the
 * tabs of {@link TAB_URLS} open. `handle` is the bridge's own `message` listener, called directly
 * so that anything it throws reaches the test (jsdom's dispatchEvent would swallow it).
 */
export function startRun(
  page: FuzzPage,
  options: Partial<CrmBridgeOptions> = {},
  normalizer: NormalizerCase = DEFAULT_NORMALIZER,
) {
  page.answers.length = 0
  const dial = vi.fn((destination: string, _context: CrmDialContext) =>
    destination.endsWith('0') ? Promise.reject(new Error('busy')) : undefined,
  )
  const logLines: string[] = []
  const logger = { warn: (line: unknown) => void logLines.push(String(line)) }
  // What reached onError: only the softphone's own failures may, as nothing else of the host throws.
  const errors: { error: unknown; raisedBy: string }[] = []
  const onError: CrmErrorHandler = (error, { raisedBy }) => void errors.push({ error, raisedBy })
  // The requests whose outcome is known: closed, dialled, refused or failed.
  const settled: string[] = []
  const crm = createCrmBridge({
    telephony: { dial },
    logger,
    onError,
    normalizeDestination: normalizer.normalize,
    onOutcome: ({ requestId }) => void (requestId !== undefined && settled.push(requestId)),
    ...options,
  })
  const { actions, recorder } = recordActions()
  const store = configureStore({
    reducer: crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware).concat(recorder),
  })

  const add = vi.spyOn(window, 'addEventListener')
  crm.start(store)
  const handle = add.mock.calls.find(([type]) => type === 'message')?.[1] as (
    event: MessageEvent,
  ) => void
  add.mockRestore()

  const opened: CrmTab[] = []
  const open = (url: string): CrmTab => {
    const tab = store.dispatch(crmTabOpened({ url })).payload
    opened.push(tab)
    return tab
  }
  TAB_URLS.forEach((url, index) => {
    const tab = open(url)
    const frame = page.tabFrames[index]!
    if (index < REGISTERED) crm.registry.register(tab.id, frame)
    if (index === 3) frame.setAttribute('data-crm-tab-id', tab.id)
    else frame.removeAttribute('data-crm-tab-id')
  })

  const post = (data: unknown, origin: string, source: SourceKind) =>
    handle({ data, origin, source: page.sources[source] } as MessageEvent)

  return { crm, store, dial, logLines, errors, actions, settled, opened, open, post, normalizer }
}

export type FuzzRun = ReturnType<typeof startRun>
