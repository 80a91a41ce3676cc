// The sample CRM page that uses `ucp-crm-bridge/client` (served as /crm-client.html). Query
// parameters: `crm` and `record` name it; `timeout` (ms) and `parent` (the origins it trusts, comma
// separated, default the demo shell's) let a test make UCP unreachable; `auto=call-then-close`
// makes a call once greeted, then closes its own tab, with no one clicking (docs/demo/quietTour.ts).
import { CrmClientError, createCrmClient } from 'ucp-crm-bridge/client'

const config = JSON.parse(document.getElementById('demo-config')?.textContent ?? '{}') as {
  shellOrigin: string
}
const params = new URLSearchParams(location.search)
const show = (id: string, text: string | number) => {
  document.getElementById(id)!.textContent = String(text)
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

const crm = createCrmClient({
  parentOrigin: params.get('parent')?.split(',') ?? config.shellOrigin,
  timeout: Number(params.get('timeout') ?? 10_000),
  readyTimeout: Number(params.get('timeout') ?? 10_000),
})

crm.ready.then(
  ({ tabId }) => show('hello', tabId),
  (error: CrmClientError) => show('hello', error.code),
)

// Outcomes are told to the other client pages of this origin too: a page whose own tab closes is
// gone before anyone could read it, but another tab's page shows what it said.
const peers = new BroadcastChannel('ucp-demo-client-pages')
peers.onmessage = (event: MessageEvent<string>) => {
  const item = document.createElement('li')
  item.textContent = event.data
  document.getElementById('peers')!.append(item)
}
addEventListener('pagehide', () => peers.postMessage('pagehide'))

function report(label: string, request: Promise<unknown>): void {
  const item = document.createElement('li')
  const show = (outcome: string) => {
    item.textContent = `${label}: ${outcome}`
    peers.postMessage(item.textContent)
  }
  item.textContent = `${label}: …`
  document.getElementById('results')!.append(item)
  request.then(
    () => show('ok'),
    (error: unknown) => show(error instanceof CrmClientError ? error.code : String(error)),
  )
}

const on = (id: string, action: () => void) =>
  document.getElementById(id)!.addEventListener('click', action)
on('client-call', () => report('makeCall', crm.makeCall('+1 (555) 123-4567')))
on('client-call-failing', () => report('makeCall', crm.makeCall('+1 (555) 000-0000')))
on('client-call-invalid', () => report('makeCall', crm.makeCall('ext.')))
on('client-close', () => report('closeTab', crm.closeTab()))
on('client-close-by-id', () => {
  const id = (document.getElementById('tab-id') as HTMLInputElement).value
  report('closeTab(id)', crm.closeTab(id))
})
on('reload', () => location.reload())
if (params.get('auto') === 'call-then-close') {
  crm.ready.then(
    async () => {
      const call = crm.makeCall('+1 (555) 123-4567')
      report('makeCall', call)
      await call.catch(() => {})
      report('closeTab', crm.closeTab())
    },
    () => {}, // shown as #hello
  )
}
document.body.dataset.ready = 'true'
