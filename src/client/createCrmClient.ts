import { isProtocolVersion, resultTypeOf } from '../protocol/rules.js'
import {
  CRM_PROTOCOL_VERSION,
  type CrmProtocol,
  type CrmToUcpMessage,
  type UcpCallStatusMessage,
  type UcpHelloCall,
} from '../protocol/types.js'
import { CrmClientError, type CrmClientErrorCode } from './CrmClientError.js'
import { warnParentOriginMismatch, warnUnknownOptions } from './devWarnings.js'
import { UNSAFE_ANY_PARENT_ORIGIN, isDelay, isOrigin } from './optionRules.js'
import type {
  CrmCallEnd,
  CrmCallHandle,
  CrmCallStatus,
  CrmClient,
  CrmClientHello,
  CrmClientOptions,
} from './types.js'

// Replaced by bundlers, as in the rest of the package: production builds drop the warnings.
declare const process: { env: { NODE_ENV?: string } }

/** A request awaiting its answer: the answer's type, how to settle it, whether it closes its own tab, how to send it. */
type Pending = [
  resultType: string,
  finish: (error?: CrmClientError, result?: unknown) => void,
  ownTab: boolean | undefined,
  send: () => void,
]

// A random prefix per page (this module is loaded once per page) and a counter: unique without
// crypto.randomUUID, which is missing outside secure contexts, and far below the 64 characters
// UCP accepts (MAX_REQUEST_ID_LENGTH): `Math.random()` prints in at most 24 characters, and
// re-encoding it (base 36) would make it no more random, only the client larger.
let counter = 0
const prefix = Math.random()

/**
 * Makes the CRM page's client. It asks its parent for UCP's hello at once, and again, less and
 * less often, until answered, with a message that carries nothing. The hello tells it which of
 * `parentOrigin` its parent is at; every request waits for it and goes to that origin only.
 *
 * @throws {CrmClientError} `invalid-option` when `parentOrigin` or a timeout is not valid.
 * @example
 * const crm = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
 * await crm.makeCall('+1 (555) 123-4567')
 */
export function createCrmClient<P extends CrmProtocol<P> = CrmProtocol>(
  options: CrmClientOptions,
): CrmClient<P> {
  // Before the checks: a mistyped `parentOrigin` is the likely reason for an `invalid-option`.
  if (process.env.NODE_ENV !== 'production') warnUnknownOptions(options)
  const {
    parentOrigin,
    // Longer than UCP's default dial deadline (30 s): a page never gives up on a call UCP is still
    // placing, and so never asks for it twice.
    timeout = 35e3,
    readyTimeout = 1e4,

    // No window on a server: a client whose every call is `no-parent`.
    window: self = globalThis.window as Window | undefined,
  } = options ?? {}
  const any = parentOrigin === UNSAFE_ANY_PARENT_ORIGIN
  const origins: unknown[] = [parentOrigin].flat()
  if (
    !(any || (origins.length && origins.every(isOrigin))) ||
    !isDelay(timeout) ||
    !isDelay(readyTimeout)
  ) {
    throw new CrmClientError('invalid-option')
  }
  const parent = self?.parent
  const pending = new Map<string, Pending>()
  // The calls the page hears of (its own once placed, and the hello's), until their `ended`.
  const calls = new Map<string, (message: UcpCallStatusMessage) => void>()
  // A handle on the call, kept up to date until its `ended`; then the call is forgotten, so that a
  // repeated `ended`, or anything after it, finds nothing.
  const track = (requestId: string, status: CrmCallStatus): CrmCallHandle => {
    const listeners = new Set<(status: CrmCallStatus) => void>()
    let end!: (how: CrmCallEnd) => void
    calls.set(requestId, ({ status: next, durationMs, reason }) => {
      status = next
      if (next == 'ended') {
        calls.delete(requestId)
        end({ durationMs: durationMs!, reason: reason! })
      }
      // Last, once the handle holds the news: a listener that throws cannot leave it behind.
      listeners.forEach((listener) => listener(next))
    })
    return {
      requestId,
      get status() {
        return status
      },
      onStatus: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
      ended: new Promise((resolve) => (end = resolve)),
    }
  }
  let dead: CrmClientErrorCode | undefined = !parent || parent === self ? 'no-parent' : undefined
  // Where requests go, set by the hello: '*' only when asked for by name, else its origin.
  let target: string
  let tabId: string | undefined
  // The message types the hello said the page may send; none listed (an older UCP): any.
  let granted: string[] | undefined
  let asking: ReturnType<typeof setTimeout> | undefined
  // The hello is asked at once, then after 250 ms, each time twice as late up to every 15 s, until
  // one comes: a UCP that starts late (after a login) or again greets the page, with no reload.
  let delay = 125
  let greet!: (hello: CrmClientHello) => void
  let fail!: (error: CrmClientError) => void
  const ready = new Promise<CrmClientHello>((resolve, reject) => {
    greet = resolve
    fail = reject
  })
  // A failure that a page that only sends never reads is not an unhandled rejection.
  ready.catch(() => {})

  // Before the parent's origin is known only the hello is asked for, to '*': it carries nothing.
  const ask = () => {
    clearTimeout(asking)
    parent!.postMessage({ type: 'CRM_HELLO', version: CRM_PROTOCOL_VERSION }, '*')
    asking = setTimeout(ask, (delay = Math.min(delay * 2, 15e3)))
  }
  // A page shown again (its tab selected, the browser restored) asks at once.
  const onVisible = () => tabId || self!.document.hidden || ask()

  // The origin of a hello from the parent at none of `parentOrigin`: `ready` then says so, in
  // development builds. Production builds keep their size (issue 21), and say `timeout`.
  let mismatch: string | undefined
  const onMessage = ({ source, origin, data }: MessageEvent) => {
    if (source !== parent) return
    if (!(any || origins.includes(origin))) {
      if (process.env.NODE_ENV !== 'production' && data?.type == 'UCP_HELLO') {
        if (!mismatch) warnParentOriginMismatch(origin, origins)
        mismatch = origin
      }
      return
    }
    const { type, requestId, version, tabId: id, ok, error } = data ?? {}
    if (!isProtocolVersion(version)) return
    // The first hello only: asks still under way when it came may be answered too.
    if (type === 'UCP_HELLO' && !tabId && typeof id == 'string') {
      clearTimeout(asking)
      tabId = id
      target = any ? '*' : origin
      granted = data.types
      // What waited is sent now, even after `ready` timed out: each request waits up to its own timeout.
      pending.forEach((request) => request[3]())
      greet({
        tabId: id,
        version,
        // An older UCP lists no calls.
        calls: (data.calls ?? []).map((call: UcpHelloCall) => track(call.requestId, call.status)),
        types: granted,
      })
    }
    const request = pending.get(requestId)
    if (request && request[0] === type) {
      request[1](
        ok === true
          ? undefined
          : new CrmClientError(error?.code ?? 'internal-error', error?.message),
        data.result,
      )
    }
    // Last: a status listener that throws leaves nothing of the message undone.
    if (type == 'UCP_CALL_STATUS') calls.get(requestId)?.(data)
  }

  // UCP removes the frame of a tab it closes, so the answer to closing the page's own tab cannot
  // arrive: the page being taken down while such a close is pending is its success.
  const onPageHide = () => pending.forEach(([, finish, ownTab]) => ownTab && finish())

  const request = <T = void>(
    type: string,
    payload: unknown,
    options: { timeout?: number } | undefined,
    ownTab?: boolean,
  ): Promise<T> =>
    new Promise((resolve, reject) => {
      const wait = options?.timeout ?? timeout
      if (dead || !isDelay(wait)) return reject(new CrmClientError(dead ?? 'invalid-option'))
      const requestId = `${prefix}-${++counter}`
      const finish = (error?: CrmClientError, result?: unknown) => {
        pending.delete(requestId)
        if (error) reject(error)
        // A placed call's handle is made here, as its answer is heard: its status follows.
        else resolve((type == 'MAKE_CALL' ? track(requestId, 'placed') : result) as T)
      }
      // Not cleared when the request settles first: firing then, it finds nothing to settle, and
      // clearing it would add bytes to every CRM page for no behaviour.
      setTimeout(finish, wait, new CrmClientError('timeout'))
      const send = () => {
        // Refused here, with no round trip, when the hello listed what the page may send.
        if (granted && !granted.includes(type)) return finish(new CrmClientError('not-granted'))
        try {
          parent!.postMessage(
            {
              type,
              requestId,
              version: CRM_PROTOCOL_VERSION,
              // Any JSON, `null`, `0` and `false` included; none when there is none.
              ...(payload !== undefined && { payload }),
            } as CrmToUcpMessage,
            target,
          )
        } catch {
          finish(new CrmClientError('post-failed'))
        }
      }
      pending.set(requestId, [resultTypeOf(type), finish, ownTab, send])
      // Sent once the hello said where UCP is.
      if (tabId) send()
    })

  if (dead) fail(new CrmClientError(dead))
  else {
    self!.addEventListener('message', onMessage)
    self!.addEventListener('pagehide', onPageHide)
    self!.addEventListener('visibilitychange', onVisible)
    if (process.env.NODE_ENV !== 'production') {
      setTimeout(
        () => fail(new CrmClientError(mismatch ? 'parent-origin-mismatch' : 'timeout')),
        readyTimeout,
      )
    } else setTimeout(fail, readyTimeout, new CrmClientError('timeout'))
    ask()
  }

  return {
    ready,
    get tabId() {
      return tabId
    },
    closeTab: (id, opts) =>
      request(
        'CLOSE_CRM_TAB',
        id === undefined ? undefined : { id },
        opts,
        id === undefined || id === tabId,
      ),
    makeCall: (destination, opts) => request<CrmCallHandle>('MAKE_CALL', { destination }, opts),
    // Itself, not a wrapper (3 B). `P` types what the page sends; on the wire UCP checks it.
    request: request as unknown as CrmClient<P>['request'],
    destroy() {
      const error = new CrmClientError((dead = 'destroyed'))
      self?.removeEventListener('message', onMessage)
      self?.removeEventListener('pagehide', onPageHide)
      self?.removeEventListener('visibilitychange', onVisible)
      clearTimeout(asking)
      fail(error)
      pending.forEach(([, finish]) => finish(error))
    },
  }
}
