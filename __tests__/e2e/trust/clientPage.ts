// A CRM page on the real client (served as /client.html by trustServer.mjs, a development build).
// Query: `name` names it; `parent` (comma separated) is its parentOrigin;
// `timeout` its timeout and readyTimeout, in ms. It tells the host, in plain strings posted to its
// parent (`{ e2eClient }`, no `type`: the bridge ignores them), what became of `ready` and of each
// order the host gives it (`{ e2eSend: order }`): a call (`{ call, id, timeout }`), a custom request
// (`{ request, payload, id }`), an echo (`{ echo }`), a reload (`{ reload: true }`). It tells each of
// its calls' steps as its handle hears them, every UCP_CALL_STATUS as it arrives on the wire, and
// every warning or error its console was given: WebKit's driver reads no frame's console. It logs
// `[client-page] ready: …` for a run that reads MiniBrowser's standard output instead.
import { CrmClientError, createCrmClient, type CrmCallHandle } from 'ucp-crm-bridge/client'

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
  // Both, as the cases time `ready` too: the client's own defaults differ (35 s and 10 s).
  ...(params.has('timeout') && {
    timeout: Number(params.get('timeout')),
    readyTimeout: Number(params.get('timeout')),
  }),
})

/** Tells each step of the call as its handle hears it, by the call's id. */
function follow(call: CrmCallHandle): void {
  call.onStatus((status) => tell(`call ${call.requestId}: status ${status}`))
  call.ended.then(({ durationMs, reason }) =>
    tell(`call ${call.requestId}: ended ${durationMs} ${reason}`),
  )
}

crm.ready
  .then(
    ({ tabId, calls, types }) => {
      tell(`hello calls: ${calls.map((call) => `${call.requestId} ${call.status}`).join(', ')}`)
      tell(`hello types: ${types?.join(', ') ?? 'none listed'}`)
      calls.forEach(follow)
      return `tab ${tabId}`
    },
    (error: unknown) => codeOf(error),
  )
  .then((outcome) => {
    tell(`ready: ${outcome}`)
    console.log(`[client-page] ready: ${outcome}`)
  })

interface Order {
  call?: string
  request?: string
  payload?: unknown
  id?: string
  timeout?: number
  echo?: string
  reload?: boolean
}

window.addEventListener('message', (event) => {
  if (event.source !== window.parent) return
  const data = event.data as { type?: string; e2eSend?: Order } | null
  // What arrives on the wire, before the client reads it: a second `ended` would show here.
  if (data?.type === 'UCP_CALL_STATUS') tell(`wire ${JSON.stringify(data)}`)
  const order = data?.e2eSend
  if (!order) return
  if (order.echo !== undefined) tell(`echo ${order.echo}`)
  if (order.reload) location.reload()
  if (order.call !== undefined) {
    crm.makeCall(order.call, { timeout: order.timeout }).then(
      (call) => {
        tell(`call ${order.id} is ${call.requestId}`)
        tell(`call ${order.id}: ${call.status} in tab ${crm.tabId}`)
        follow(call)
      },
      (error: unknown) => tell(`call ${order.id}: ${codeOf(error)}`),
    )
  }
  if (order.request !== undefined) {
    crm.request(order.request, order.payload).then(
      (result) => tell(`request ${order.id}: ok ${JSON.stringify(result)}`),
      (error: unknown) => tell(`request ${order.id}: ${codeOf(error)}`),
    )
  }
})
tell('loaded')
