// Which page of a tab's frame is owed what: a frame's load event comes once its page has run, and a
// page may ask for its hello, and send requests, before it (Firefox's order; a page with slow
// images), or after it (Chromium, WebKit). Its hello, its page's first word, is where the earlier
// page's due ends; a hello that is the first word after a load is that load's page's.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { crmCallRinging, selectCrmCalls } from 'ucp-crm-bridge'
import { setupBridge } from './support/harness'

let bridge: ReturnType<typeof setupBridge>
afterEach(() => bridge.crm.destroy())

const hello = { type: 'CRM_HELLO', version: 1 }
const call = (requestId: string) => ({
  type: 'MAKE_CALL',
  payload: { destination: '+1 (555) 123-4567' },
  requestId,
})

/** The host's softphone says the tab's call rings. */
const ring = () => {
  const { requestId } = selectCrmCalls(bridge.store.getState())[0]!
  bridge.store.dispatch(crmCallRinging({ requestId }))
}

/** A dial that waits to be let through, and the types posted to the frame. */
function setup() {
  bridge = setupBridge()
  const { frame } = bridge.openTab()
  const spy = vi.spyOn(frame.contentWindow as Window, 'postMessage')
  let connect = () => {}
  bridge.dial.mockImplementation(() => new Promise<void>((resolve) => (connect = resolve)))
  const posted = () =>
    spy.mock.calls.map(([message]) => {
      const { type, requestId, status } = message as Record<string, string>
      return [type, requestId, status].filter(Boolean).join(' ')
    })
  const placed = async () => {
    connect()
    await vi.waitFor(() =>
      expect(selectCrmCalls(bridge.store.getState())[0]?.status).toBe('placed'),
    )
  }
  return { frame, posted, placed }
}

describe('a page and its frame’s load event', () => {
  it('answers a page that asked for its hello and called before its frame’s load event, and tells it the call’s steps', async () => {
    const { frame, posted, placed } = setup()
    bridge.post(hello, { frame })
    bridge.post(call('r-1'), { frame })
    frame.dispatchEvent(new Event('load'))
    await placed()
    ring()
    expect(posted()).toEqual(['UCP_HELLO', 'MAKE_CALL_RESULT r-1', 'UCP_CALL_STATUS r-1 ringing'])
  })

  it('owes the earlier page nothing once a new page asked for its hello before its frame’s load event', async () => {
    const { frame, posted, placed } = setup()
    bridge.post(call('r-1'), { frame })
    // The page reloads; the new one asks for its hello before its frame's load event fires.
    bridge.post(hello, { frame })
    frame.dispatchEvent(new Event('load'))
    await placed()
    ring()
    // No answer for the old page's request; the new page's hello listed the call (by the id it was
    // asked with), so the new page hears of its steps.
    expect(posted()).toEqual(['UCP_HELLO', 'UCP_CALL_STATUS r-1 ringing'])
  })

  it('owes a page that said hello after its load nothing once its frame loads another page (Chromium’s and WebKit’s order)', async () => {
    const { frame, posted, placed } = setup()
    frame.dispatchEvent(new Event('load'))
    bridge.post(hello, { frame })
    bridge.post(call('r-1'), { frame })
    // The page navigates to another origin's page, which never asks for a hello.
    frame.dispatchEvent(new Event('load'))
    await placed()
    ring()
    expect(posted()).toEqual(['UCP_HELLO'])
  })

  it('tells a page that says hello before its load of its tab’s call, through reload after reload', async () => {
    const { frame, posted, placed } = setup()
    frame.dispatchEvent(new Event('load'))
    bridge.post(hello, { frame })
    bridge.post(call('r-1'), { frame })
    await placed()
    for (let reload = 0; reload < 2; reload++) {
      bridge.post(hello, { frame })
      frame.dispatchEvent(new Event('load'))
    }
    ring()
    expect(posted()).toEqual([
      'UCP_HELLO',
      'MAKE_CALL_RESULT r-1',
      'UCP_HELLO',
      'UCP_HELLO',
      'UCP_CALL_STATUS r-1 ringing',
    ])
  })

  it('owes a page that never asked for its hello nothing after its frame loads again', async () => {
    const { frame, posted, placed } = setup()
    bridge.post(hello, { frame })
    frame.dispatchEvent(new Event('load'))
    bridge.post(call('r-1'), { frame })
    // The page navigates to one that does not use the hello: its load ends the earlier page's due.
    frame.dispatchEvent(new Event('load'))
    await placed()
    expect(posted()).toEqual(['UCP_HELLO'])
  })
})
