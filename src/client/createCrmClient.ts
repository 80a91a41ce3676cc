import {
  CRM_PROTOCOL_VERSION,
  type CrmMessageType,
  type CrmRejectReason,
  type CrmToUcpMessage,
} from '../protocol/types.js'
import { CrmClientError } from './CrmClientError.js'
import type { CrmClient, CrmClientHello, CrmClientOptions } from './types.js'

interface Pending {
  resolve: () => void
  reject: (error: CrmClientError) => void
  timer: ReturnType<typeof setTimeout>
}

// Unique per page without relying on crypto.randomUUID (missing outside secure contexts): a random
// prefix per client, and a counter. Two quick calls never share an id.
let counter = 0
const prefix = Math.random().toString(36).slice(2)

/**
 * Makes the CRM page's client. It asks UCP for a hello at once, so a page that loads the client
 * late still gets one.
 *
 * @example
 * const crm = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
 * await crm.makeCall('+1 (555) 123-4567')
 */
export function createCrmClient(options: CrmClientOptions = {}): CrmClient {
  const self = options.window ?? window
  const parent = self.parent
  const { parentOrigin } = options
  const timeout = options.timeout ?? 10_000
  const pending = new Map<string, Pending>()
  let tabId: string | undefined
  let greet!: (hello: CrmClientHello) => void
  let fail!: (error: CrmClientError) => void
  const ready = new Promise<CrmClientHello>((resolve, reject) => {
    greet = resolve
    fail = reject
  })
  // `ready` may be ignored by a page that only sends; its rejection must not be reported unhandled.
  ready.catch(() => {})

  const send = (message: CrmToUcpMessage) => parent.postMessage(message, parentOrigin ?? '*')

  function onMessage(event: MessageEvent): void {
    if (event.source !== parent || (parentOrigin && event.origin !== parentOrigin)) return
    const data: unknown = event.data
    if (typeof data !== 'object' || data === null) return
    const { type, requestId, version, tabId: id, ok, error } = data as Record<string, unknown>
    // A version below 1 is nobody's; a higher one is fine: hosts keep older clients working.
    if (typeof version !== 'number' || version < 1) return
    if (type === 'UCP_HELLO' && typeof id === 'string') {
      tabId = id
      clearTimeout(readyTimer)
      greet({ tabId: id, version })
    }
    const request = typeof requestId === 'string' ? pending.get(requestId) : undefined
    if (!request || typeof type !== 'string' || !type.endsWith('_RESULT')) return
    settle(requestId as string)
    if (ok === true) return request.resolve()
    const { code, message } = (error ?? {}) as { code?: CrmRejectReason; message?: string }
    request.reject(new CrmClientError(code ?? 'internal-error', message))
  }

  function settle(requestId: string): void {
    clearTimeout(pending.get(requestId)?.timer)
    pending.delete(requestId)
  }

  function request(
    type: CrmMessageType,
    payload: object | undefined,
    wait = timeout,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      if (parent === self) return reject(new CrmClientError('no-parent'))
      const requestId = `${prefix}-${++counter}`
      const timer = setTimeout(() => {
        settle(requestId)
        reject(new CrmClientError('timeout', `no answer from UCP within ${wait} ms`))
      }, wait)
      pending.set(requestId, { resolve, reject, timer })
      try {
        send({
          type,
          requestId,
          version: CRM_PROTOCOL_VERSION,
          ...(payload && { payload }),
        } as CrmToUcpMessage)
      } catch (cause) {
        settle(requestId)
        reject(cause)
      }
    })
  }

  const readyTimer = setTimeout(
    () => fail(new CrmClientError(parent === self ? 'no-parent' : 'timeout')),
    parent === self ? 0 : (options.readyTimeout ?? timeout),
  )
  self.addEventListener('message', onMessage)
  if (parent !== self) send({ type: 'CRM_HELLO', version: CRM_PROTOCOL_VERSION })

  return {
    ready,
    get tabId() {
      return tabId
    },
    closeTab: (id, opts) =>
      request('CLOSE_CRM_TAB', id === undefined ? undefined : { id }, opts?.timeout),
    makeCall: (destination, opts) => request('MAKE_CALL', { destination }, opts?.timeout),
    destroy() {
      self.removeEventListener('message', onMessage)
      clearTimeout(readyTimer)
      fail(new CrmClientError('destroyed'))
      for (const [requestId, { reject }] of pending) {
        settle(requestId)
        reject(new CrmClientError('destroyed'))
      }
    },
  }
}
