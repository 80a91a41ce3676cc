// In the bench's host page: calls that a frame asked for with a requestId, each taken through
// ringing, connected and ended by the host's own actions, each action timed alone from dispatch to
// its return (the bridge posts UCP_CALL_STATUS to the frame inside the dispatch). Beside each, in
// turns, the floor: a bare postMessage of a status message of the same shape to the same frame.
import type { UnknownAction } from '@reduxjs/toolkit'
import {
  crmCallConnected,
  crmCallEnded,
  crmCallRinging,
  selectCrmCalls,
  type CrmCallsRootState,
} from 'ucp-crm-bridge'

/** ms per event: the host's action (dispatch to return) and the bare post, in turns. */
export interface StatusTimes {
  status: number[]
  bare: number[]
}

interface StatusHost {
  store: { dispatch(action: UnknownAction): unknown; getState(): CrmCallsRootState }
  iframes: HTMLIFrameElement[]
  frameOrigin: string
}

const STEPS = ['ringing', 'connected', 'ended'] as const

/** The call the page asked for as `clientRequestId`, once placed: a status comes only after. */
async function placed({ store }: StatusHost, clientRequestId: string): Promise<string> {
  for (let tries = 0; tries < 1000; tries++) {
    const call = selectCrmCalls(store.getState()).find((c) => c.clientRequestId === clientRequestId)
    if (call?.status === 'placed') return call.requestId
    await new Promise((resolve) => setTimeout(resolve))
  }
  throw new Error(`call ${clientRequestId} was never placed`)
}

/** Calls `first` … `first + count - 1`, call n from frame n mod the number of frames. */
export async function timeStatusCalls(
  host: StatusHost,
  first: number,
  count: number,
): Promise<StatusTimes> {
  const times: StatusTimes = { status: [], bare: [] }
  for (let n = first; n < first + count; n++) {
    const iframe = host.iframes[n % host.iframes.length]!
    const frame = iframe.contentWindow!
    const clientRequestId = `b-${n}`
    // As the frame's postMessage arrives: the gate reads data, origin and source, as here.
    const data = { type: 'MAKE_CALL', requestId: clientRequestId, version: 1 }
    const payload = { destination: '+1 555 123 4567' }
    dispatchEvent(
      new MessageEvent('message', {
        data: { ...data, payload },
        origin: host.frameOrigin,
        source: frame,
      }),
    )
    const requestId = await placed(host, clientRequestId)
    STEPS.forEach((status, step) => {
      const action =
        status === 'ringing'
          ? crmCallRinging({ requestId })
          : status === 'connected'
            ? crmCallConnected({ requestId })
            : crmCallEnded({ requestId, reason: 'completed' })
      const timeStatus = () => {
        const start = performance.now()
        host.store.dispatch(action)
        times.status.push(performance.now() - start)
      }
      const timeBare = () => {
        const start = performance.now()
        const message = { type: 'UCP_CALL_STATUS', version: 1, requestId: `bare-${n}`, status }
        const at = Date.now()
        frame.postMessage(
          status === 'ended'
            ? { ...message, at, durationMs: 0, reason: 'completed' }
            : { ...message, at },
          host.frameOrigin,
        )
        times.bare.push(performance.now() - start)
      }
      // Which goes first alternates, so that neither always runs on a warmer cache.
      if ((n + step) % 2 === 0) {
        timeStatus()
        timeBare()
      } else {
        timeBare()
        timeStatus()
      }
    })
    const call = selectCrmCalls(host.store.getState()).find((c) => c.requestId === requestId)
    if (call?.status !== 'ended') throw new Error(`call ${clientRequestId} is ${call?.status}`)
  }
  return times
}
