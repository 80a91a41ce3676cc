// A CRM page on the real client (served as /client.html by trustServer.mjs, a development build).
// Query: `name` names it; `parent` (comma separated) is its parentOrigin;
// `timeout` its timeout and readyTimeout, in ms. It tells the host, in plain strings posted to its
// parent (`{ e2eClient }`, no `type`: the bridge ignores them), what became of `ready` and of each
// call the host has it make (`{ e2eSend: { call, id, timeout } }`), and every warning or error its
// console was given: WebKit's driver reads no frame's console. It logs `[client-page] ready: …`
// for a run that reads MiniBrowser's standard output instead.
import { CrmClientError, createCrmClient } from 'ucp-crm-bridge/client'

const params = new URLSearchParams(location.search)
const name = params.get('name') ?? 'client'
const tell = (text: string) => window.parent.postMessage({ e2eClient: `${name}: ${text}` }, '*')
const codeOf = (error: unknown) => (error instanceof CrmClientError ? error.code : String(error))

for (const level of ['warn', 'error'] as const) {
  const write = console[level].bind(console)
  console[level] = (...args: unknown[]) => {
    tell(`console.${level} ${args.map(String).join(' ')}`)
    write(...args)
  }
}

const crm = createCrmClient({
  parentOrigin: (params.get('parent') ?? '').split(','),
  timeout: Number(params.get('timeout') ?? 10_000),
})
crm.ready
  .then(
    ({ tabId }) => `tab ${tabId}`,
    (error: unknown) => codeOf(error),
  )
  .then((outcome) => {
    tell(`ready: ${outcome}`)
    console.log(`[client-page] ready: ${outcome}`)
  })

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return
  const order = (event.data as { e2eSend?: { call: string; id: string; timeout?: number } })
    ?.e2eSend
  if (!order) return
  crm.makeCall(order.call, { timeout: order.timeout }).then(
    (call) => tell(`call ${order.id}: ${call.status} in tab ${crm.tabId}`),
    (error: unknown) => tell(`call ${order.id}: ${codeOf(error)}`),
  )
})
tell('loaded')
