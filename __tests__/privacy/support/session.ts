// A UCP session that puts a customer's number everywhere the package keeps one, through a real
// store with the tool under test among its enhancers: a screen pop whose URL carries the caller's
// number, a call that is placed and one whose softphone error quotes the number.
import { configureStore, type DevToolsEnhancerOptions, type StoreEnhancer } from '@reduxjs/toolkit'
import { expect, vi } from 'vitest'
import {
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  selectCrmCalls,
  type CrmBridge,
} from 'ucp-crm-bridge'
import { DIALLED, SHOWN } from './samples'

export { DIALLED, SHOWN }

// UCP's own state, beside the package's.
const ucpReducer = (state = { agent: 'available' }) => state

const live: CrmBridge[] = []
/** Tears down the bridges the sessions made. */
export function endSessions(): void {
  live.splice(0).forEach((crm) => crm.destroy())
}

/** The store options the tool under test plugs into: an enhancer (Sentry) or DevTools' options. */
export interface ToolSetup {
  enhancer?: StoreEnhancer
  devTools?: DevToolsEnhancerOptions
}

export async function runSession({ enhancer, devTools }: ToolSetup) {
  document.body.innerHTML = '<div id="iframe-parent"></div>'
  const dial = (destination: string) =>
    destination.endsWith('0') ? Promise.reject(new Error(`cannot reach ${SHOWN}0`)) : undefined
  // A host that does not route dial failures to its error monitor.
  const crm = createCrmBridge({ telephony: { dial }, logger: false, onError: () => {} })
  live.push(crm)
  const store = configureStore({
    reducer: { ucp: ucpReducer, ...crmReducers },
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
    enhancers: (getDefault) => (enhancer ? getDefault().concat(enhancer) : getDefault()),
    devTools: devTools ?? false,
  })
  crm.start(store)

  const url = `https://crm.example.com/screen-pop?ani=${encodeURIComponent(SHOWN)}`
  const tab = store.dispatch(crmTabOpened({ url, title: `Call from ${SHOWN}` })).payload
  const frame = document.createElement('iframe')
  document.getElementById('iframe-parent')!.append(frame)
  crm.registry.register(tab.id, frame)
  const send = (destination: string) =>
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { type: 'MAKE_CALL', payload: { destination } },
        origin: 'https://crm.example.com',
        source: frame.contentWindow,
      }),
    )
  send(SHOWN)
  send(`${SHOWN}0`) // fails: the softphone cannot reach it
  await vi.waitFor(() =>
    expect(selectCrmCalls(store.getState()).map((call) => call.status)).toEqual([
      'placed',
      'failed',
    ]),
  )
  return { crm, store }
}

/** `text` URL-decoded, where it decodes. */
function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Whether a text holds the number: as shown, or any 6 of its digits in a row, also once URL-decoded
 * and with the blanks, brackets and hyphens people write between digits taken out.
 */
export function findsTheNumber(text: string): boolean {
  const variants = [text, decoded(text)].flatMap((variant) => [
    variant,
    variant.replace(/(\d)[\s()-]+(?=\d)/g, '$1'),
  ])
  return variants.some((variant) => {
    if (variant.includes(SHOWN)) return true
    for (let from = 0; from + 6 <= DIALLED.length; from++) {
      if (variant.includes(DIALLED.slice(from, from + 6))) return true
    }
    return false
  })
}
