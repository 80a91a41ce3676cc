// Sentry's own createReduxEnhancer, with a transport of the test's own that keeps every envelope:
// the state it attaches and the breadcrumbs of the actions before an error. With the package's
// sanitizers as its transformers, no digit run of the customer's number leaves; without them, the
// same session sends it.
import * as Sentry from '@sentry/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
import { endSessions, findsTheNumber, runSession } from './support/session'

const sent: string[] = []
const text = (body: string | Uint8Array) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body)

beforeAll(() => {
  Sentry.init({
    dsn: 'https://public@sentry.example/1',
    defaultIntegrations: false,
    transport: (options) =>
      Sentry.createTransport(options, async (request) => {
        sent.push(text(request.body))
        return { statusCode: 200 }
      }),
  })
})
afterEach(() => {
  endSessions()
  sent.length = 0
  for (const scope of [Sentry.getCurrentScope(), Sentry.getIsolationScope()]) {
    scope.clearBreadcrumbs().clearAttachments().setContext('state', null)
  }
})

/** A session, then an error captured and flushed: the envelopes sent for it. */
async function errorAfterSession(options: Parameters<typeof Sentry.createReduxEnhancer>[0]) {
  const { store } = await runSession({ enhancer: Sentry.createReduxEnhancer(options) })
  Sentry.captureException(new Error('the agent desktop failed'))
  await Sentry.flush(2_000)
  const envelope = sent.join('\n')
  const event = JSON.parse(envelope.split('\n')[2]!) as {
    breadcrumbs: { category: string; data: { type: string } }[]
    contexts: { state: { state: { type: string; value: { crmCalls: unknown[] } } } }
  }
  return { store, envelope, event }
}

describe('Sentry createReduxEnhancer', () => {
  it('with redactCrmAction and redactCrmState, sends state and breadcrumbs without the number', async () => {
    const { store, envelope, event } = await errorAfterSession({
      actionTransformer: redactCrmAction,
      stateTransformer: redactCrmState,
    })
    // What happened is all there: every action as a breadcrumb, the state attached.
    const crumbs = event.breadcrumbs.filter((crumb) => crumb.category === 'redux.action')
    expect(crumbs.map((crumb) => crumb.data.type)).toEqual(
      expect.arrayContaining([
        'crmTabs/tabOpened',
        'telephony/makeCallRequested',
        'crmCalls/dialStarted',
        'crmCalls/callPlaced',
        'crmCalls/dialFailed',
      ]),
    )
    expect(event.contexts.state.state.value.crmCalls).toHaveLength(2)
    expect(envelope).toContain('"filename":"redux_state.json"')
    expect(envelope).toContain('•••••••••67')
    // The store itself keeps the number: only what Sentry is sent is redacted.
    expect(findsTheNumber(JSON.stringify(store.getState()))).toBe(true)
    expect(findsTheNumber(envelope)).toBe(false)
  })

  it('without them, the same session sends the number in the state and the breadcrumbs', async () => {
    const { envelope, event } = await errorAfterSession({})
    expect(findsTheNumber(JSON.stringify(event.breadcrumbs))).toBe(true)
    expect(findsTheNumber(JSON.stringify(event.contexts.state))).toBe(true)
    const attachment = envelope.split('\n').find((line) => line.includes('"crmCalls"'))
    expect(attachment && findsTheNumber(attachment)).toBe(true)
  })
})
