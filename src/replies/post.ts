import type { UcpToCrmMessage } from '../protocol/types.js'

/**
 * Posts one message to a CRM frame, for `origin` only: never `'*'`, and nothing to an opaque
 * origin (`'null'`), which could only be reached with `'*'`. It never throws: the frame's window
 * may have closed or navigated away.
 */
export function post(target: MessageEventSource, message: UcpToCrmMessage, origin: string): void {
  if (origin === 'null' || origin === '') return
  try {
    ;(target as Window).postMessage(message, origin)
  } catch {
    // The window is gone: there is no one to tell.
  }
}
