// The server of the trust-at-the-edges runs (trustEdges.*.test.ts), on four origins of two ports:
//   host      http://127.0.0.1:PORT/host.html?case=…&react=18|19   trustHost.tsx, bundled by esbuild
//   CRM       http://localhost:PORT/crm.html?name=…                 a relay page (below)
//             http://localhost:PORT/client.html?name=…&parent=…     a page on the real client
//                                                                   (clientPage.ts, bundled)
//   second    http://localhost:OTHER/crm.html                       a second CRM origin
//   elsewhere http://127.0.0.1:OTHER/crm.html                       an identity provider, say
// The host page is bundled twice, once with React 19 (the root's) and once with React 18.
import { URLSearchParams, fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'
import { closeServer, listenLoopback } from '../../../scripts/loopback.mjs'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const react18 = `${root}__tests__/support/react18/node_modules`

const hostHtml = `<!doctype html>
<meta charset="utf-8"><title>trust host</title><link rel="icon" href="data:,">
<div id="iframe-parent"></div><div id="readme-host"></div><div id="restored"></div><div id="controls"></div>
<div id="root"></div>
<script type="module">
  import(\`/host-\${new URLSearchParams(location.search).get('react') === '18' ? 18 : 19}.js\`)
</script>
`

// The CRM page, a relay the test drives through the host: it posts what it is told to post, goes
// where it is told to go, and tells the host what UCP posted it. Its own notes carry no `type`, so
// the bridge ignores them as other scripts' traffic.
const crmHtml = `<!doctype html>
<meta charset="utf-8"><title>CRM</title><link rel="icon" href="data:,">
<script>
  const name = new URLSearchParams(location.search).get('name') || ''
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent) return
    const data = event.data || {}
    if ('e2eSend' in data) window.parent.postMessage(data.e2eSend, '*')
    else if ('e2eNavigate' in data) location.href = data.e2eNavigate
    else window.parent.postMessage({ e2eReceived: data, name }, '*')
  })
  window.parent.postMessage({ e2eReady: name }, '*')
</script>
`

// A page of UCP's own origin, for a relative tab URL: it says so if it ever runs.
const ranHtml = `<!doctype html><meta charset="utf-8">
<script>window.parent.postMessage({ e2eRan: new URLSearchParams(location.search).get('id') }, '*')</script>
`

const clientHtml = `<!doctype html>
<meta charset="utf-8"><title>CRM on the client</title><link rel="icon" href="data:,">
<script type="module" src="/client.js"></script>
`

async function bundle(reactAlias, entry = '__tests__/e2e/trust/trustHost.tsx') {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    alias: {
      'ucp-crm-bridge/client': `${root}src/client/index.ts`,
      'ucp-crm-bridge/react': `${root}src/react/index.ts`,
      'ucp-crm-bridge': `${root}src/index.ts`,
      ...reactAlias,
    },
    // Development builds: React's warnings (a javascript: URL rendered, a ref lost) and the
    // client's reach the console.
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}

export async function startTrustServer() {
  const [host19, host18, clientPage] = await Promise.all([
    bundle({}),
    bundle({
      react: `${react18}/react`,
      'react-dom': `${react18}/react-dom`,
      'use-sync-external-store': `${react18}/use-sync-external-store`,
    }),
    bundle({}, '__tests__/e2e/trust/clientPage.ts'),
  ])
  const handler = (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://trust.invalid')
    const send = (type, body) => {
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
      res.end(body)
    }
    if (pathname === '/host.html') return send('text/html', hostHtml)
    if (pathname === '/host-19.js') return send('text/javascript', host19)
    if (pathname === '/host-18.js') return send('text/javascript', host18)
    if (pathname === '/crm.html') return send('text/html', crmHtml)
    if (pathname === '/client.html') return send('text/html', clientHtml)
    if (pathname === '/client.js') return send('text/javascript', clientPage)
    if (pathname === '/ran.html') return send('text/html', ranHtml)
    res.writeHead(404).end()
  }
  const main = await listenLoopback(handler)
  const other = await listenLoopback(handler).catch(async (error) => {
    await Promise.all(main.servers.map(closeServer))
    throw error
  })
  const servers = [...main.servers, ...other.servers]
  const origins = {
    host: `http://127.0.0.1:${main.port}`,
    crm: `http://localhost:${main.port}`,
    secondCrm: `http://localhost:${other.port}`,
    elsewhere: `http://127.0.0.1:${other.port}`,
  }
  return {
    origins,
    hostUrl: (name, react = 19) =>
      `${origins.host}/host.html?${new URLSearchParams({ case: name, react: String(react), origins: JSON.stringify(origins) })}`,
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  }
}
