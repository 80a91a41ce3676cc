// The sample CRM page that uses `ucp-crm-bridge/client` (served as /crm-client.html). Query
// parameters: `crm` and `record` name it; `timeout` (ms, then the client's timeout and
// readyTimeout) and `parent` (the origins it trusts, comma separated, default the demo shell's)
// let a test make UCP unreachable; `auto=call-then-close` makes a call once greeted, then closes
// its own tab, and `auto=call` only calls, with no one clicking (docs/demo/quietTour.ts).
import { CrmClientError, createCrmClient, type CrmCallHandle } from 'ucp-crm-bridge/client'
import type { DemoProtocol } from './demoMessages'
import { talkTime } from './talkTime'

const config = JSON.parse(document.getElementById('demo-config')?.textContent ?? '{}') as {
  shellOrigin: string
}
const params = new URLSearchParams(location.search)
const byId = (id: string) => document.getElementById(id)!
const show = (id: string, text: string | number) => {
  byId(id).textContent = String(text)
}
show('name', `${params.get('crm') ?? 'CRM'}: ${params.get('record') ?? 'client page'}`)
show('origin', location.origin)
// A new value on every load, so a test can tell that the page was reloaded.
show('page-id', Math.random().toString(36).slice(2))

// What arrives on the wire from UCP's window, counted before the client sees it: the tests use it
// to show that nothing arrives where nothing may.
let hellos = 0
let received = 0
window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return
  const type = (event.data as { type?: unknown } | null)?.type
  if (type === 'UCP_HELLO') show('hellos', ++hellos)
  else if (typeof type === 'string' && type.endsWith('_RESULT')) show('received', ++received)
  else if (type === 'E2E_MARKER') show('marker', String((event.data as { n: number }).n))
})

const crm = createCrmClient<DemoProtocol>({
  parentOrigin: params.get('parent')?.split(',') ?? config.shellOrigin,
  // The client's defaults unless a test makes UCP unreachable: then `ready` gives up as soon.
  ...(params.has('timeout') && {
    timeout: Number(params.get('timeout')),
    readyTimeout: Number(params.get('timeout')),
  }),
})

/** Follows a call to its end in the call log, as a CRM logs its calls: "connected 00:42, completed". */
function logCall(call: CrmCallHandle, label: string): void {
  const item = document.createElement('li')
  let connected = false
  const write = () => {
    connected ||= call.status === 'connected'
    item.dataset.status = call.status
    item.textContent = `${label}: ${call.status}`
  }
  write()
  call.onStatus(write)
  call.ended.then(({ durationMs, reason }) => {
    item.textContent = connected
      ? `${label}: connected ${talkTime(durationMs)}, ${reason}`
      : `${label}: not connected, ${reason}`
  })
  byId('call-log').append(item)
}

crm.ready.then(
  ({ tabId, calls, types }) => {
    show('hello', tabId)
    show('types', types?.join(', ') ?? 'any')
    // A call that was under way when the page (re)loaded: its log line picks up from the hello.
    calls.forEach((call) => logCall(call, 'a call from before this page loaded'))
  },
  (error: CrmClientError) => show('hello', error.code),
)

// Outcomes are told to the other client pages of this origin too: a page whose own tab closes is
// gone before anyone could read it, but another tab's page shows what it said.
const peers = new BroadcastChannel('ucp-demo-client-pages')
peers.onmessage = (event: MessageEvent<string>) => {
  const item = document.createElement('li')
  item.textContent = event.data
  byId('peers').append(item)
}
addEventListener('pagehide', () => peers.postMessage('pagehide'))

/** Shows a request's outcome: `ok`, what its result says, or its error's code. */
function report<T>(label: string, request: Promise<T>, describe = (_result: T) => 'ok'): void {
  const item = document.createElement('li')
  const say = (outcome: string) => {
    item.textContent = `${label}: ${outcome}`
    peers.postMessage(item.textContent)
  }
  item.textContent = `${label}: …`
  byId('results').append(item)
  request.then(
    (result) => say(describe(result)),
    (error: unknown) => say(error instanceof CrmClientError ? error.code : String(error)),
  )
}

let calls = 0
/** Makes a call, reports its answer, and logs it once placed; resolves once it is settled. */
function call(destination: string): Promise<unknown> {
  const placed = crm.makeCall(destination)
  report('makeCall', placed)
  return placed.then(
    (handle) => logCall(handle, `call ${++calls}`),
    () => {}, // reported
  )
}

const on = (id: string, action: () => void) => byId(id).addEventListener('click', action)
on('client-call', () => call('+1 (555) 123-4567'))
on('client-call-busy', () => call('+1 (555) 000-0000'))
on('client-call-failing', () => call('+1 (555) 000-0001'))
on('client-call-invalid', () => call('ext.'))
on('client-close', () => report('closeTab', crm.closeTab()))
on('client-close-by-id', () => {
  const id = (byId('tab-id') as HTMLInputElement).value
  report('closeTab(id)', crm.closeTab(id))
})
on('client-open-record', () =>
  report(
    'OPEN_RECORD',
    crm.request('OPEN_RECORD', { record: 'Contact 43' }),
    ({ tabId }) => `opened tab ${tabId}`,
  ),
)
on('client-agent-state', () => {
  const state = crm.request('GET_AGENT_STATE')
  report('GET_AGENT_STATE', state)
  state.then(
    ({ status, liveCalls }) => show('agent-state', `${status}, ${liveCalls} live call(s)`),
    () => {}, // reported above
  )
})
on('reload', () => location.reload())
const auto = params.get('auto')
if (auto === 'call' || auto === 'call-then-close') {
  crm.ready.then(
    async () => {
      await call('+1 (555) 123-4567')
      if (auto === 'call-then-close') report('closeTab', crm.closeTab())
    },
    () => {}, // shown as #hello
  )
}
document.body.dataset.ready = 'true'
