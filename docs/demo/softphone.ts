import type { CrmTelephony } from 'ucp-crm-bridge'

/** The demo's reserved number: a call to it always fails, so that failures can be seen. */
export const FAILING_NUMBER = '15550000000'

/** How long a simulated call rings before it connects (or fails). */
export const CONNECT_DELAY_MS = 1500

/**
 * A simulated softphone. `dial` resolves when the call connects, after `delayMs`, so the call
 * request is `dialing` until then and `placed` after; the reserved number rejects instead.
 */
export function createSoftphone(delayMs = CONNECT_DELAY_MS): CrmTelephony {
  return {
    dial(destination, { signal }) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          if (destination !== FAILING_NUMBER) return resolve()
          const error = Object.assign(new Error('The number is unreachable'), {
            name: 'SoftphoneError',
            code: 'unreachable',
          })
          reject(error)
        }, delayMs)
        signal.addEventListener('abort', () => {
          clearTimeout(timer)
          reject(signal.reason)
        })
      })
    },
  }
}
