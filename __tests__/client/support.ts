import { afterEach, beforeEach, expect, vi } from 'vitest'
import { createCrmClient, type CrmClient } from 'ucp-crm-bridge/client'

export const UCP = 'https://ucp.example.com'
export const UCP_STAGING = 'https://ucp.staging.example.com'

export interface Sent {
  message: Record<string, unknown> & { type: string; requestId?: string }
  targetOrigin: string
}

/**
 * A CRM page in a jsdom iframe, and what it posts to its parent (UCP's window) recorded instead of
 * delivered. `fromUcp` dispatches a message on the page's window as the browser would: from the
 * parent's window (or `source`) at `origin`.
 */
export function framedPage() {
  document.body.innerHTML = ''
  const iframe = document.body.appendChild(document.createElement('iframe'))
  const page = iframe.contentWindow as Window
  // The frame's parent as jsdom gives it (vitest's global `window` is another proxy of it).
  const ucp = page.parent
  const sent: Sent[] = []
  const postMessage = vi.spyOn(ucp, 'postMessage').mockImplementation(((
    message: Sent['message'],
    targetOrigin: string,
  ) => {
    sent.push({ message, targetOrigin })
  }) as Window['postMessage'])

  function fromUcp(
    data: unknown,
    { origin = UCP, source = ucp as MessageEventSource | null } = {},
  ): void {
    page.dispatchEvent(new MessageEvent('message', { data, origin, source }))
  }

  /** The page hidden (another tab selected) or shown again, as the browser tells it. */
  function setHidden(hidden: boolean): void {
    Object.defineProperty(page.document, 'hidden', { value: hidden, configurable: true })
    page.document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
  }

  return {
    page,
    ucp,
    setHidden,
    sent,
    postMessage,
    fromUcp,
    hello: (tabId = 'tab-1', origin = UCP, fields: object = {}) =>
      fromUcp({ type: 'UCP_HELLO', version: 1, tabId, ...fields }, { origin }),
    /** UCP's news of the call `requestId`: `status`, and for `ended` how it ended. */
    callStatus: (requestId: string, status: string, fields: object = {}, options = {}) =>
      fromUcp(
        {
          type: 'UCP_CALL_STATUS',
          version: 1,
          requestId,
          status,
          at: 1_764_086_400_000,
          ...fields,
        },
        options,
      ),
    /** The hellos asked for so far. */
    asks: () => sent.filter(({ message }) => message.type === 'CRM_HELLO'),
    /** Everything but the hellos asked for. */
    requests: () => sent.filter(({ message }) => message.type !== 'CRM_HELLO'),
    /**
     * Waits until the client has posted `count` requests (it posts each once `ready` resolved).
     * `expect.poll`, unlike `vi.waitFor`, leaves a faked clock where the test put it.
     */
    requestsPosted: (count = 1) =>
      expect
        .poll(() => sent.filter(({ message }) => message.type !== 'CRM_HELLO').length)
        .toBeGreaterThanOrEqual(count),
    lastRequest(): Sent['message'] & { requestId: string } {
      const last = sent.filter(({ message }) => message.type !== 'CRM_HELLO').at(-1)
      if (!last?.message.requestId) throw new Error('no request was sent')
      return last.message as Sent['message'] & { requestId: string }
    },
    /** UCP's answer to the last request: ok, or refused with `code`. */
    answer(code?: string, { origin = UCP, type = undefined as string | undefined } = {}) {
      const { type: requestType, requestId } = this.lastRequest()
      const base = { type: type ?? `${requestType}_RESULT`, requestId, version: 1 }
      fromUcp(
        code === undefined
          ? { ...base, ok: true }
          : { ...base, ok: false, error: { code, message: code } },
        {
          origin,
        },
      )
    },
  }
}

export type FramedPage = ReturnType<typeof framedPage>

/**
 * Lets pending promise callbacks run, for checks that something did NOT happen: the client's own
 * work after a message or a call is promise callbacks only, which this drains.
 */
export async function flush(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve()
}

/** Whether the promise has settled by now, once pending callbacks ran. */
export async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  let settled = false
  promise.then(
    () => (settled = true),
    () => (settled = true),
  )
  await flush()
  return settled
}

/**
 * Gives each test of the file a framed page and a client UCP said hello to, through `use`; destroys
 * the client and restores mocks and timers after it.
 */
export function greetedEachTest(use: (frame: FramedPage, client: CrmClient) => void): void {
  let client: CrmClient | undefined
  beforeEach(async () => {
    const frame = framedPage()
    client = createCrmClient({ parentOrigin: UCP, window: frame.page })
    frame.hello()
    await client.ready
    use(frame, client)
  })
  afterEach(() => {
    client?.destroy()
    vi.restoreAllMocks()
    vi.useRealTimers()
  })
}
