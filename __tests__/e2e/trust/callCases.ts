// Call progress (issue 18 item 8) and UCP's own message types with grants (issue 19 item 7) in
// real engines, with real cross-origin frames (host worlds: callWorlds.ts). Each case proves
// several lines of the issues at once: a browser's load is the costly part.
import { combineReducers } from '@reduxjs/toolkit'
import { crmReducers } from 'ucp-crm-bridge'
import { expect } from 'vitest'

import type { TrustCase, TrustPage } from './trustCases'

const poll = { timeout: 10_000, interval: 50 }

/** What the client pages told the host so far, each line `${page}: ${what}`. */
const told = async (page: TrustPage) => (await page.snapshot()).client
const heard = (page: TrustPage) => page.run(() => window.__calls.heard(), null)
const callsOf = (page: TrustPage, frame: string) =>
  page.run((key) => window.__calls.callsOf(key), frame)
const tabOf = (page: TrustPage, frame: string) =>
  page.run((key) => window.__trust.tabId(key), frame)

/** Has the frame's page act on `order`: a client page's order, or what a relay page posts UCP. */
const send = (page: TrustPage, frame: string, order: unknown) =>
  page.run(([key, data]) => window.__trust.send(key as string, data), [frame, order] as const)

const progress = (page: TrustPage, frame: string, step: 'ringing' | 'connected' | 'ended') =>
  page.run(([key, event]) => window.__calls.progress(key, event), [frame, step] as const)

/** Waits until a client page told a line that starts with `start`; returns the line. */
async function toldLine(page: TrustPage, start: string): Promise<string> {
  const find = async () => (await told(page)).find((line) => line.startsWith(start))
  await expect.poll(find, { ...poll, message: `no page told "${start}…"` }).toBeDefined()
  return (await find())!
}

/** Waits until every relay page named has said it loaded, `count` times in all. */
const loaded = (page: TrustPage, frames: string[], count = 1) =>
  expect
    .poll(async () => {
      const { ready } = await page.snapshot()
      return frames.every((frame) => (ready[frame] ?? 0) >= count)
    }, poll)
    .toBe(true)

/**
 * A round trip to each frame: what UCP posted a page before it has reached the page, and what the
 * page said of it has reached the host (messages between two windows keep their order).
 */
async function flush(page: TrustPage, clients: string[], relays: string[]): Promise<void> {
  const tag = String(Math.random())
  for (const frame of clients) await send(page, frame, { echo: tag })
  for (const frame of relays) await send(page, frame, { e2eMarker: `${frame}-${tag}` })
  for (const frame of clients) await toldLine(page, `${frame}: echo ${tag}`)
  await expect
    .poll(async () => (await page.snapshot()).markers, poll)
    .toEqual(expect.arrayContaining(relays.map((frame) => `${frame}-${tag}`)))
}

/** The UCP_CALL_STATUS messages that reached a client page's window, as it told them. */
const wireOf = (lines: string[], frame: string) =>
  lines
    .filter((line) => line.startsWith(`${frame}: wire `))
    .map((line) => JSON.parse(line.slice(`${frame}: wire `.length)) as Record<string, unknown>)

/** Has the client page `frame` make a call and waits until it is placed; returns the page's id of it. */
async function placeCall(page: TrustPage, frame: string, id: string): Promise<string> {
  await send(page, frame, { call: '+1 (555) 123-4567', id })
  await toldLine(page, `${frame}: call ${id}: placed in tab ${await tabOf(page, frame)}`)
  return (await toldLine(page, `${frame}: call ${id} is `)).split(' is ')[1]!
}

export const callCases: TrustCase[] = [
  {
    name: 'the page that asked hears ringing, connected and one ended whose durationMs is the time between the host’s events; another tab of its origin or another, and a frame gone to another origin, hear nothing',
    async run(page) {
      await page.open('callProgress')
      await toldLine(page, `asker: ready: tab ${await tabOf(page, 'asker')}`)
      await loaded(page, ['sibling', 'other', 'leaver'])
      const callId = await placeCall(page, 'asker', 'a')
      // The spec's raw message asks for no answer, so for no progress either; the leaver asks.
      await send(page, 'sibling', { type: 'MAKE_CALL', payload: { destination: '555 0101' } })
      const leaverCall = {
        type: 'MAKE_CALL',
        payload: { destination: '555 0102' },
        requestId: 'l-1',
      }
      await send(page, 'leaver', leaverCall)
      await expect
        .poll(async () => (await page.snapshot()).received, poll)
        .toEqual(['leaver: MAKE_CALL_RESULT l-1 ok'])
      await expect.poll(async () => (await callsOf(page, 'sibling')).length, poll).toBe(1)
      const elsewhere = `${page.origins.elsewhere}/crm.html?name=leaver`
      await page.run((url) => window.__trust.navigate('leaver', url), elsewhere)
      await loaded(page, ['leaver'], 2)

      for (const frame of ['asker', 'sibling', 'leaver']) {
        await progress(page, frame, 'ringing')
        await progress(page, frame, 'connected')
      }
      await toldLine(page, `asker: call ${callId}: status connected`)
      for (const frame of ['asker', 'sibling', 'leaver']) await progress(page, frame, 'ended')
      // Repeated and late events of the host's softphone change nothing and are told to no one.
      await progress(page, 'asker', 'ended')
      await progress(page, 'asker', 'connected')
      await flush(page, ['asker'], ['sibling', 'other', 'leaver'])

      const [call] = await callsOf(page, 'asker')
      const { events, relays } = await heard(page)
      const at = (step: string) =>
        events.find((event) => event.frame === 'asker' && event.event === step)!.at
      expect(call!.durationMs).toBe(at('ended') - at('connected'))
      expect(call!.durationMs).toBeGreaterThan(0)
      const status = { type: 'UCP_CALL_STATUS', version: 1, requestId: callId }
      expect(wireOf(await told(page), 'asker')).toEqual([
        { ...status, status: 'ringing', at: at('ringing') },
        { ...status, status: 'connected', at: at('connected') },
        {
          ...status,
          status: 'ended',
          at: at('ended'),
          durationMs: call!.durationMs,
          reason: 'completed',
        },
      ])
      const handle = (await told(page)).filter((line) => line.startsWith(`asker: call ${callId}: `))
      expect(handle).toEqual([
        `asker: call ${callId}: status ringing`,
        `asker: call ${callId}: status connected`,
        `asker: call ${callId}: status ended`,
        `asker: call ${callId}: ended ${call!.durationMs} completed`,
      ])
      // The other pages' calls went the whole way in UCP; their pages heard only the leaver's answer.
      for (const frame of ['sibling', 'leaver']) {
        expect((await callsOf(page, frame)).map((c) => c.status)).toEqual(['ended'])
      }
      expect(relays.map((line) => line.replace(/: \{"type":"(\w+)".*/, ': $1'))).toEqual([
        'leaver: MAKE_CALL_RESULT',
      ])

      // The session, exported as DevTools would, rebuilds the same tabs and calls through the
      // reducers alone: no bridge, no frames, no clock.
      const { actions, state } = await page.run(() => window.__trust.session(), null)

      expect(actions.length).toBeGreaterThan(20)
      const replayed = actions.reduce(combineReducers(crmReducers), undefined)
      expect(replayed).toEqual(state)
      expect(replayed!.crmCalls.map((call) => call.status)).toEqual(['ended', 'ended', 'ended'])
    },
  },
  {
    name: 'a page reloaded while its call is connected gets the call in its hello, then exactly one ended; another tab’s hello lists no call',
    async run(page) {
      await page.open('callProgress')
      const tabId = await tabOf(page, 'asker')
      await toldLine(page, `asker: ready: tab ${tabId}`)
      await loaded(page, ['sibling'])
      const callId = await placeCall(page, 'asker', 'a')
      await progress(page, 'asker', 'ringing')
      await progress(page, 'asker', 'connected')
      await toldLine(page, `asker: call ${callId}: status connected`)
      await send(page, 'sibling', { type: 'CRM_HELLO', version: 1 })

      const before = (await told(page)).length
      await send(page, 'asker', { reload: true })
      const since = async () => (await told(page)).slice(before)
      await expect.poll(since, poll).toContain(`asker: ready: tab ${tabId}`)
      expect(await since()).toContain(`asker: hello calls: ${callId} connected`)
      await progress(page, 'asker', 'ended')
      const [call] = await callsOf(page, 'asker')
      await expect
        .poll(since, poll)
        .toContain(`asker: call ${callId}: ended ${call!.durationMs} completed`)
      await flush(page, ['asker'], ['sibling'])
      expect(wireOf(await since(), 'asker')).toEqual([
        {
          type: 'UCP_CALL_STATUS',
          version: 1,
          requestId: callId,
          status: 'ended',
          at: call!.endedAt,
          durationMs: call!.durationMs,
          reason: 'completed',
        },
      ])
      const { relays } = await heard(page)
      expect(relays).toEqual([
        `sibling: ${JSON.stringify({ type: 'UCP_HELLO', version: 1, tabId: await tabOf(page, 'sibling'), calls: [], types: ['CLOSE_CRM_TAB', 'MAKE_CALL'] })}`,
      ])
    },
  },
  {
    name: 'a granted origin’s custom requests are handled and answered with their results; an ungranted one is refused not-granted by UCP, and by the client at once, as its hello’s types differ by origin',
    async run(page) {
      await page.open('customGrants')
      for (const frame of ['crmClient', 'otherClient']) {
        await toldLine(page, `${frame}: ready: tab ${await tabOf(page, frame)}`)
      }
      await loaded(page, ['otherRelay'])
      const lines = await told(page)
      expect(lines).toContain(
        'crmClient: hello types: CLOSE_CRM_TAB, MAKE_CALL, OPEN_RECORD, GET_AGENT_STATE',
      )
      expect(lines).toContain('otherClient: hello types: GET_AGENT_STATE')

      for (const frame of ['crmClient', 'otherClient']) {
        await send(page, frame, { request: 'OPEN_RECORD', payload: { id: 42 }, id: 'open' })
        await send(page, frame, { request: 'GET_AGENT_STATE', id: 'state' })
      }
      const open = { type: 'OPEN_RECORD', payload: { id: 7 }, requestId: 'r-1' }
      await send(page, 'otherRelay', open)
      expect(await toldLine(page, 'crmClient: request open:')).toBe(
        'crmClient: request open: ok {"opened":42}',
      )
      expect(await toldLine(page, 'crmClient: request state:')).toBe(
        'crmClient: request state: ok {"state":"ready"}',
      )
      expect(await toldLine(page, 'otherClient: request open:')).toBe(
        'otherClient: request open: not-granted',
      )
      expect(await toldLine(page, 'otherClient: request state:')).toBe(
        'otherClient: request state: ok {"state":"ready"}',
      )
      await expect
        .poll(async () => (await page.snapshot()).received, poll)
        .toContain('otherRelay: OPEN_RECORD_RESULT r-1 not-granted')
      // UCP refused the relay's before anything was done; the client refused its own unsent.
      const { rejections } = await page.snapshot()
      expect(rejections).toEqual([
        expect.objectContaining({
          reason: 'not-granted',
          type: 'OPEN_RECORD',
          origin: page.origins.secondCrm,
          tabId: await tabOf(page, 'otherRelay'),
        }),
      ])
      expect((await heard(page)).handled).toEqual([page.origins.crm])
    },
  },
]
