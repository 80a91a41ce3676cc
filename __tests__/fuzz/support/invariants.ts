// What must hold whatever a sender posts. Each check throws (through expect) with what broke.
import type { UnknownAction } from '@reduxjs/toolkit'
import { expect } from 'vitest'
import { CRM_CALL_HISTORY_LIMIT, selectCrmCalls, selectCrmTabs, type CrmTab } from 'ucp-crm-bridge'
import type { FuzzRun, PostedAnswer } from './fuzzWorld'
import { TAB_ORIGINS, type SourceKind } from './messageArbitraries'
import { EXTENSION, type NormalizerCase } from './normalizerCases'

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const uuid = expect.stringMatching(UUID_V4)
const requestMeta = (tabIds: string[]) => ({
  origin: expect.any(String),
  tabId: expect.toBeOneOf(tabIds),
  requestId: uuid,
  receivedAt: expect.any(Number),
  bridgeId: uuid,
})
/** A call's destination as `normalizer` dials it, and its extension if it may have one and has. */
function dialled(normalizer: NormalizerCase, action: UnknownAction) {
  const extension = (action.payload as { extension?: unknown } | undefined)?.extension
  const call = { destination: expect.stringMatching(normalizer.dialled) }
  const withExtension = normalizer.extensions && extension !== undefined
  return withExtension ? { ...call, extension: expect.stringMatching(EXTENSION) } : call
}

/**
 * Every action is one of the package's, with exactly the fields it documents (`toEqual` fails on
 * an extra key): nothing of the sender's data rides along. A destination is what the run's
 * normalizer may dial, and an extension comes only from a normalizer that splits them off.
 */
export function expectOneOfOurs(
  action: UnknownAction,
  tabIds: string[],
  normalizer: NormalizerCase,
): void {
  const meta = requestMeta(tabIds)
  const callEvent = { requestId: uuid, at: expect.any(Number) }
  const withClientId = (action.meta as { clientRequestId?: unknown } | undefined)?.clientRequestId
  if (withClientId !== undefined) {
    expect(withClientId).toEqual(expect.stringMatching(/^[\s\S]{1,64}$/))
    Object.assign(meta, { clientRequestId: withClientId })
  }
  const expected: Record<string, object> = {
    'crmTabs/tabOpened': {
      payload: {
        id: uuid,
        url: expect.any(String),
        title: expect.any(String),
        openedAt: expect.any(Number),
      },
      meta: { activate: expect.any(Boolean) },
    },
    'crmTabs/tabClosed': { payload: { id: expect.toBeOneOf(tabIds) } },
    'crm/closeRequested': {
      payload: expect.toBeOneOf([{}, { id: expect.stringMatching(/^[\s\S]{1,36}$/) }]),
      meta,
    },
    'crm/closeRejected': {
      payload: {
        requestId: uuid,
        id: expect.any(String),
        reason: expect.toBeOneOf(['unknown-tab', 'not-permitted']),
      },
      meta: { origin: expect.any(String), tabId: expect.toBeOneOf(tabIds) },
    },
    'telephony/makeCallRequested': { payload: dialled(normalizer, action), meta },
    'crmCalls/dialStarted': { payload: callEvent },
    'crmCalls/callPlaced': { payload: callEvent },
    'crmCalls/dialFailed': {
      payload: { ...callEvent, error: { name: 'Error', message: 'busy' } },
    },
  }
  const shape = expected[action.type]
  expect(shape, `an action that is not ours: ${action.type}`).toBeDefined()
  expect(action).toEqual({ type: action.type, ...shape })
}

/** Plain data: JSON gives back an equal value (as Redux DevTools' export and import need). */
export function expectJsonRoundTrip(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toEqual(value)
}

/**
 * A request action may come only from the frame of the tab it names, at that tab's own origin:
 * a registered frame for tabs 0 to 2, the fallback's match for tabs 3 and 4.
 */
export function expectSenderEntitled(
  action: UnknownAction,
  sent: { source: SourceKind; origin: string },
  openBefore: CrmTab[],
  run: FuzzRun,
): void {
  if (action.type !== 'crm/closeRequested' && action.type !== 'telephony/makeCallRequested') return
  const { tabId, origin } = action.meta as { tabId: string; origin: string }
  const index = ['tab0', 'tab1', 'tab2', 'tab3', 'tab4'].indexOf(sent.source)
  expect(index, `${action.type} from a ${sent.source} source`).toBeGreaterThanOrEqual(0)
  const frameTab = run.opened[index]!
  // tab4's frame is found by URL: it speaks for the one open tab at that URL, whichever it is.
  const entitled = index === 4 ? openBefore.filter((t) => t.url === frameTab.url) : [frameTab]
  expect(entitled.map((t) => t.id)).toEqual([tabId])
  expect(openBefore.map((t) => t.id)).toContain(tabId)
  expect(origin).toBe(sent.origin)
  expect(origin).toBe(new URL(entitled[0]!.url).origin)
}

/** Answers and hellos go to tab frames only, each to a tab's own origin, never to '*'. */
export function expectAnswersToTabsOnly(answers: PostedAnswer[]): void {
  for (const answer of answers) {
    expect(['tab0', 'tab1', 'tab2', 'tab3', 'tab4']).toContain(answer.to)
    expect(TAB_ORIGINS).toContain(answer.targetOrigin)
    expectJsonRoundTrip(answer.message)
  }
}

/** The state after a run: tabs are the ones UCP opened, ids unique UUID v4, the history bounded. */
export function expectSoundState(run: FuzzRun): void {
  const state = run.store.getState()
  const tabs = selectCrmTabs(state)
  const ids = tabs.map((tab) => tab.id)
  for (const id of ids) expect(id).toMatch(UUID_V4)
  expect(new Set(ids).size).toBe(ids.length)
  for (const tab of tabs) expect(run.opened).toContainEqual(tab)
  const calls = selectCrmCalls(state)
  expect(calls.length).toBeLessThanOrEqual(CRM_CALL_HISTORY_LIMIT)
  expect(new Set(calls.map((call) => call.requestId)).size).toBe(calls.length)
  expectJsonRoundTrip(state)
  // The softphone dialled exactly the requested calls, each with its own extension or none.
  const requested = run.actions
    .filter((action) => action.type === 'telephony/makeCallRequested')
    .map((action) => action.payload as { destination: string; extension?: string })
  const placed = run.dial.mock.calls.map(([destination, { extension }]) =>
    extension === undefined ? { destination } : { destination, extension },
  )
  expect(placed).toEqual(requested)
  for (const { destination } of placed) expect(destination).toMatch(run.normalizer.dialled)
}

const PROTOTYPES: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Boolean: Boolean.prototype,
  Symbol: Symbol.prototype,
  Date: Date.prototype,
  RegExp: RegExp.prototype,
  Error: Error.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  Promise: Promise.prototype,
  EventTarget: EventTarget.prototype,
  MessageEvent: MessageEvent.prototype,
}

/** Every own property of the built-in prototypes, by identity, to compare before and after. */
export function snapshotPrototypes(): Map<string, unknown> {
  const snapshot = new Map<string, unknown>()
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    snapshot.set(`${name}.[[Prototype]]`, Object.getPrototypeOf(proto))
    for (const key of Reflect.ownKeys(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, key)!
      const at = `${name}.${String(key)}`
      if ('value' in descriptor) snapshot.set(at, descriptor.value)
      else snapshot.set(`${at} get`, descriptor.get).set(`${at} set`, descriptor.set)
    }
  }
  return snapshot
}

export function expectPrototypesUnchanged(before: Map<string, unknown>): void {
  const after = snapshotPrototypes()
  expect([...after.keys()]).toEqual([...before.keys()])
  for (const [key, value] of after) expect(value, key).toBe(before.get(key))
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}
