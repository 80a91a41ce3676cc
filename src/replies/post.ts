import type { UcpToCrmMessage } from '../protocol/types.js'

/**
 * Posts one message to a CRM frame, for `origin` only: never `'*'`, and nothing to an opaque
 * origin (`'null'`), which could only be reached with `'*'`. It never throws: the frame's window
 * may have closed or navigated away. `true` if the message was handed to the browser.
 */
export function post(
  target: MessageEventSource,
  message: UcpToCrmMessage,
  origin: string,
): boolean {
  if (origin === 'null' || origin === '') return false
  try {
    ;(target as Window).postMessage(message, origin)
    return true
  } catch {
    // The window is gone: there is no one to tell. No host code runs here, so nothing to report.
    return false
  }
}
