// simulateCrmMessage's own promise: the event a browser would deliver after the tab's frame posted,
// found through the bridge's public registry alone, and a clear error when it cannot be built.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCrmBridge, type CrmBridge } from 'ucp-crm-bridge'
import { simulateCrmMessage } from 'ucp-crm-bridge/testing'

// A bridge of its own for each test, never started: the registry is all these helpers use.
let crm: CrmBridge
beforeEach(() => {
  crm = createCrmBridge({ telephony: { dial: () => undefined } })
})

/** A registered frame of tab `tabId`, in the document, showing `src`. */
function frameOf(tabId: string, src = 'https://crm.example.com/contacts/42?id=7') {
  const frame = document.createElement('iframe')
  if (src) frame.src = src
  document.body.append(frame)
  crm.registry.register(tabId, frame)
  return frame
}

/** The message events the window receives while `run` runs. */
function received(run: () => void): MessageEvent[] {
  const events: MessageEvent[] = []
  const listener = (event: MessageEvent) => events.push(event)
  window.addEventListener('message', listener)
  try {
    run()
  } finally {
    window.removeEventListener('message', listener)
  }
  return events
}

afterEach(() => {
  document.body.replaceChildren()
})

describe('simulateCrmMessage', () => {
  it("delivers a message event on the frame's parent window, from the frame's window and origin", () => {
    const frame = frameOf('tab-1')
    const data = { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }
    let returned: MessageEvent | undefined
    const events = received(() => (returned = simulateCrmMessage(crm, 'tab-1', data)))
    expect(events).toHaveLength(1)
    const [event] = events
    expect(event).toBe(returned)
    expect(event!.source).toBe(frame.contentWindow)
    expect(event!.origin).toBe('https://crm.example.com')
    // A structured clone, as the browser's: equal, never the sender's own object.
    expect(event!.data).toEqual(data)
    expect(event!.data).not.toBe(data)
    expect(event!.data.payload).not.toBe(data.payload)
  })

  it('comes from the origin it is given, as after the frame navigated elsewhere', () => {
    frameOf('tab-1')
    const [event] = received(() =>
      simulateCrmMessage(
        crm,
        'tab-1',
        { type: 'CRM_HELLO' },
        { origin: 'https://sso.example.net' },
      ),
    )
    expect(event!.origin).toBe('https://sso.example.net')
  })

  it('throws what the browser would for data it cannot clone, delivering nothing', () => {
    frameOf('tab-1')
    const events = received(() =>
      expect(() => simulateCrmMessage(crm, 'tab-1', { type: 'MAKE_CALL', run: () => 1 })).toThrow(
        expect.objectContaining({ name: 'DataCloneError' }),
      ),
    )
    expect(events).toEqual([])
  })

  it('copies plain data by hand where there is no structuredClone (Jest’s jsdom), and refuses the rest', () => {
    vi.stubGlobal('structuredClone', undefined)
    try {
      frameOf('tab-1')
      const data = {
        type: 'MAKE_CALL',
        payload: { destination: '+1 555', at: new Date(0) },
        list: [1, null],
      }
      const [event] = received(() => simulateCrmMessage(crm, 'tab-1', data))
      expect(event!.data).toEqual(data)
      expect(event!.data.payload).not.toBe(data.payload)
      expect(event!.data.payload.at).not.toBe(data.payload.at)
      expect(() => simulateCrmMessage(crm, 'tab-1', { run: () => 1 })).toThrow(
        expect.objectContaining({ name: 'DataCloneError' }),
      )
      expect(() => simulateCrmMessage(crm, 'tab-1', { ids: new Set([1]) })).toThrow(
        /no structuredClone, and without it only plain data/,
      )
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('rethrows what a message listener threw, where a browser would only report it', () => {
    frameOf('tab-1')
    const boom = new Error('a listener failed')
    const listener = vi.fn(() => {
      throw boom
    })
    window.addEventListener('message', listener)
    try {
      expect(() => simulateCrmMessage(crm, 'tab-1', { type: 'CRM_HELLO' })).toThrow(boom)
    } finally {
      window.removeEventListener('message', listener)
    }
    expect(listener).toHaveBeenCalledOnce()
  })

  it('says which tab has no registered frame, and which frame has no URL to take an origin from', () => {
    expect(() => simulateCrmMessage(crm, 'tab-9', {})).toThrow(
      /no frame is registered for tab tab-9/,
    )
    frameOf('tab-2', '')
    expect(() => simulateCrmMessage(crm, 'tab-2', {})).toThrow(
      /the frame of tab tab-2 has no URL to take the origin from: pass \{ origin \}/,
    )
    const [event] = received(() =>
      simulateCrmMessage(crm, 'tab-2', {}, { origin: 'https://crm.example.com' }),
    )
    expect(event!.origin).toBe('https://crm.example.com')
  })
})
