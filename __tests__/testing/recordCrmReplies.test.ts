// recordCrmReplies' own promise: what UCP posts to a tab's frame from the moment it starts, as the
// page would receive it, until it stops, leaving the frame's window as it found it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCrmBridge, type CrmBridge } from 'ucp-crm-bridge'
import { recordCrmReplies } from 'ucp-crm-bridge/testing'

// A bridge of its own for each test, never started: the registry is all these helpers use.
let crm: CrmBridge
beforeEach(() => {
  crm = createCrmBridge({ telephony: { dial: () => undefined } })
})
const ORIGIN = 'https://crm.example.com'

/** The window of a registered frame of tab `tabId`. */
function windowOf(tabId: string): Window {
  const frame = document.createElement('iframe')
  frame.src = `${ORIGIN}/contacts/42`
  document.body.append(frame)
  crm.registry.register(tabId, frame)
  return frame.contentWindow!
}

const answer = (requestId: string) => ({
  type: 'MAKE_CALL_RESULT',
  requestId,
  version: 1,
  ok: true as const,
})

afterEach(() => {
  document.body.replaceChildren()
})

describe('recordCrmReplies', () => {
  it('records copies of what is posted to the frame from its start on, in order', () => {
    const view = windowOf('tab-1')
    view.postMessage(answer('before'), ORIGIN)
    const replies = recordCrmReplies(crm, 'tab-1')
    const posted = answer('r-1')
    view.postMessage(posted, ORIGIN)
    view.postMessage(answer('r-2'), ORIGIN)
    posted.requestId = 'changed after posting'
    expect(replies.messages).toEqual([answer('r-1'), answer('r-2')])
    // Each read is a copy: the test's changes never reach the record.
    replies.messages.pop()
    expect(replies.messages).toHaveLength(2)
  })

  it('stops recording when told, keeping what it has, and gives the window its own postMessage back', () => {
    const view = windowOf('tab-1')
    const own = view.postMessage
    const replies = recordCrmReplies(crm, 'tab-1')
    expect(view.postMessage).not.toBe(own)
    view.postMessage(answer('r-1'), ORIGIN)
    replies.stop()
    view.postMessage(answer('r-2'), ORIGIN)
    expect(replies.messages).toEqual([answer('r-1')])
    expect(view.postMessage).toBe(own)
  })

  it('lets two recorders of one frame each hear every post until each stops', () => {
    const view = windowOf('tab-1')
    const own = view.postMessage
    const first = recordCrmReplies(crm, 'tab-1')
    const second = recordCrmReplies(crm, 'tab-1')
    view.postMessage(answer('r-1'), ORIGIN)
    first.stop()
    first.stop() // twice changes nothing
    view.postMessage(answer('r-2'), ORIGIN)
    expect(first.messages).toEqual([answer('r-1')])
    expect(second.messages).toEqual([answer('r-1'), answer('r-2')])
    expect(view.postMessage).not.toBe(own)
    second.stop()
    expect(view.postMessage).toBe(own)
  })

  it('says which tab has no registered frame', () => {
    expect(() => recordCrmReplies(crm, 'tab-9')).toThrow(
      /recordCrmReplies: no frame is registered for tab tab-9/,
    )
  })
})
