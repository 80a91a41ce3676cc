import {
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  type CrmCallEndReason,
  type CrmTelephony,
} from 'ucp-crm-bridge'

/** A reserved number whose line is always busy: the call is placed, then ends `busy`. */
export const BUSY_NUMBER = '15550000000'
/** A reserved number that cannot be reached: the dial itself fails, and the call is `failed`. */
export const UNREACHABLE_NUMBER = '15550000001'

/** How long the simulated softphone takes to place a call, ring it, and have it answered. */
export const SOFTPHONE_DELAYS_MS = { place: 800, ring: 200, answer: 1200 }

type Timer = ReturnType<typeof setTimeout>

/** The simulated softphone: UCP's `telephony`, and the agent's Hang up. */
export interface Softphone extends CrmTelephony {
  /** Ends a live call: `completed` once it connected, `cancelled` before. */
  hangUp(requestId: string): void
}

/**
 * A simulated softphone that reports each call's progress as a real one's events would (as
 * docs/integration.md, "A call's progress", wires a SIP.js session): `dial` resolves once the call
 * is placed, then the far end rings (`crmCallRinging`) and answers (`crmCallConnected`), with the
 * `requestId` the bridge gave `dial`. The busy number is placed, then ends `busy`; the unreachable
 * one fails to dial. A connected call lasts until the agent hangs up.
 */
export function createSoftphone(delays = SOFTPHONE_DELAYS_MS): Softphone {
  /** Each live call: its pending steps, whether it connected, and how to end it. */
  const live = new Map<string, { timers: Timer[]; connected: boolean; end: () => void }>()

  return {
    dial(destination, { requestId, signal, dispatch }) {
      return new Promise<void>((resolve, reject) => {
        const call = { timers: [] as Timer[], connected: false, end: () => {} }
        let placed = false
        const later = (ms: number, step: () => void) => call.timers.push(setTimeout(step, ms))
        const finish = (reason: CrmCallEndReason) => {
          call.timers.forEach(clearTimeout)
          live.delete(requestId)
          dispatch(crmCallEnded({ requestId, reason }))
        }
        call.end = () => {
          // Hung up while still dialing: the bridge has answered the page `placed` already.
          resolve()
          finish(call.connected ? 'completed' : 'cancelled')
        }
        live.set(requestId, call)
        later(delays.place, () => {
          if (destination === UNREACHABLE_NUMBER) {
            live.delete(requestId)
            const error = new Error('The number is unreachable')
            return reject(Object.assign(error, { name: 'SoftphoneError', code: 'unreachable' }))
          }
          placed = true
          resolve()
          if (destination === BUSY_NUMBER) return later(delays.ring, () => finish('busy'))
          later(delays.ring, () => {
            dispatch(crmCallRinging({ requestId }))
            later(delays.answer, () => {
              call.connected = true
              dispatch(crmCallConnected({ requestId }))
            })
          })
        })
        // The bridge gave up on the dial (its dialTimeout, or it was destroyed): the call is failed.
        signal.addEventListener('abort', () => {
          if (placed) return
          call.timers.forEach(clearTimeout)
          live.delete(requestId)
          reject(signal.reason)
        })
      })
    },
    hangUp: (requestId) => live.get(requestId)?.end(),
  }
}
