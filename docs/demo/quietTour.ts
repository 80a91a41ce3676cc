// A tour of the flows in which UCP used to post to frames that had not asked (issue 10, item 6),
// run by the shell itself when its URL ends in `#quiet-tour`, with no driver: WebKit's console is
// out of WebKitWebDriver's reach, so the WebKit tests load this in MiniBrowser on its own, with its
// console written to standard output, and read there every line, the browser's own included.
// It ends by logging `[quiet-tour] done`.
import { crmTabClosed, selectCrmCallsOfTab, selectCrmTabs } from 'ucp-crm-bridge'
import type { CrmBridge } from 'ucp-crm-bridge'
import type { DemoStore } from './createDemoStore'
import type { DemoConfig } from './demoConfig'
import { openTab } from './sampleTabs'
import type { Softphone } from './softphone'

const STEP_TIMEOUT_MS = 10_000

function waitFor<T>(what: string, check: () => T | undefined | null | false): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = () => {
      const value = check()
      if (value) return resolve(value)
      if (Date.now() - started > STEP_TIMEOUT_MS) return reject(new Error(`tour: no ${what}`))
      setTimeout(poll, 50)
    }
    poll()
  })
}

const frameOf = (tabId: string) =>
  waitFor(`frame for ${tabId}`, () =>
    document.querySelector<HTMLIFrameElement>(`#iframe-parent iframe[data-crm-tab-id="${tabId}"]`),
  )

// Every frame's loads, counted from the tour's start: `load` does not bubble, but it is seen while
// capturing. A frame the tour opens may load before the tour has found it in the DOM.
const loadCounts = new WeakMap<HTMLIFrameElement, number>()
const loadsSoFar = (frame: HTMLIFrameElement) => loadCounts.get(frame) ?? 0
function countLoads(): void {
  document.addEventListener(
    'load',
    ({ target }) => {
      if (target instanceof HTMLIFrameElement) loadCounts.set(target, loadsSoFar(target) + 1)
    },
    true,
  )
}

/** Resolves once the frame has loaded `count` times after `since` of its loads (default: now). */
async function loads(frame: HTMLIFrameElement, count = 1, since = loadsSoFar(frame)) {
  await waitFor('load of a frame', () => loadsSoFar(frame) >= since + count)
  // Time for the page to ask for its hello and for UCP to answer.
  await new Promise((resolve) => setTimeout(resolve, 300))
}

const tabIdOf = (store: DemoStore, title: string) =>
  selectCrmTabs(store.getState()).find((tab) => tab.title === title)!.id

export async function runQuietTour(
  store: DemoStore,
  crm: CrmBridge,
  softphone: Softphone,
  config: DemoConfig,
) {
  const say = (step: string) => console.log(`[quiet-tour] ${step}`)
  countLoads()
  await waitFor('first tabs', () => document.querySelector('#iframe-parent iframe'))

  say('a tab opened through an SSO redirect')
  const next = `/crm-client.html?${new URLSearchParams({ crm: 'Acme', record: 'SSO' })}`
  const sso = openTab(store, {
    url: `${config.crmOrigin}/sso?next=${encodeURIComponent(next)}`,
    title: 'SSO',
  })
  await loads(await frameOf(sso.id), 2, 0) // the identity provider's page, then the CRM's

  say('a frame that goes to the identity provider and back')
  const contact = await frameOf(tabIdOf(store, 'Contact 42'))
  const home = contact.src
  const away = new URL('/crm.html', config.identityOrigin)
  away.search = new URLSearchParams({
    crm: 'Identity provider',
    record: 'Sign-in',
    back: home,
  }).toString()
  contact.src = away.href
  await loads(contact)
  contact.src = home
  await loads(contact)

  say('a reload')
  const second = await frameOf(tabIdOf(store, 'Contact 42 (2)'))
  second.contentWindow!.location.replace(second.src)
  await loads(second)

  say('a sandboxed frame')
  const ticket = await frameOf(tabIdOf(store, 'Ticket 7'))
  ticket.setAttribute('sandbox', 'allow-scripts')
  ticket.contentWindow!.location.replace(ticket.src)
  await loads(ticket)

  say("a client's call whose page leaves for another origin: its end is told to no one")
  const caller = new URL('/crm-client.html', config.crmOrigin)
  caller.search = new URLSearchParams({ crm: 'Acme', record: 'Leaves', auto: 'call' }).toString()
  const leaves = openTab(store, { url: caller.href, title: 'Leaves mid-call' })
  const call = await waitFor('the call to connect', () =>
    selectCrmCallsOfTab(store.getState(), leaves.id).find((c) => c.status === 'connected'),
  )
  const leaving = await frameOf(leaves.id)
  const signIn = new URL('/crm.html', config.identityOrigin)
  signIn.search = new URLSearchParams({ crm: 'Identity provider', record: 'Sign-in' }).toString()
  leaving.src = signIn.href
  await loads(leaving)
  softphone.hangUp(call.requestId)
  await waitFor('the call to end', () =>
    selectCrmCallsOfTab(store.getState(), leaves.id).every((c) => c.status === 'ended'),
  )

  say('a client with a list of origins that calls, then closes its own tab')
  const client = new URL('/crm-client.html', config.crmOrigin)
  client.search = new URLSearchParams({
    crm: 'Acme',
    record: 'Tour',
    parent: `http://ucp-staging.invalid,${config.shellOrigin}`,
    auto: 'call-then-close',
  }).toString()
  const closing = openTab(store, { url: client.href, title: 'Closes itself' })
  await waitFor(
    'the client tab to close itself',
    () => !selectCrmTabs(store.getState()).some((tab) => tab.id === closing.id),
  )

  say("UCP's own close, and a tab closed from outside the bridge")
  store.dispatch(crm.closeTab(tabIdOf(store, 'Contact 42 (2)')))
  store.dispatch(crmTabClosed({ id: sso.id }))
  store.dispatch(crmTabClosed({ id: leaves.id }))
  await new Promise((resolve) => setTimeout(resolve, 500))
  say('done')
}
