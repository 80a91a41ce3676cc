// A tiny server for the flood and hostile-sender runs in Chromium, two origins on one port:
//   host  http://127.0.0.1:PORT/host.html?mode=bridge|bare  floodHost.ts, bundled by esbuild
//   CRM   http://localhost:PORT/crm.html                    the page in the tab's iframe
// and a third origin, http://localhost:OTHER_PORT, for a frame that navigated elsewhere.
// `isolated` serves the pages cross-origin isolated (COOP/COEP), which gives the host
// performance.now() at 5 µs instead of 100 µs: the bench wants it, the tests do not need it.
import { closeServer, listenLoopback } from '../../../scripts/loopback.mjs'
import { fileURLToPath } from 'node:url'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('../../../', import.meta.url))

const hostHtml = `<!doctype html>
<meta charset="utf-8"><title>flood host</title><link rel="icon" href="data:,">
<div id="iframe-parent"></div>
<script type="module" src="/host.js"></script>
`

// flood() posts as fast as a script can; nest() and the popup post from windows that are no tab.
const crmHtml = `<!doctype html>
<meta charset="utf-8"><title>CRM</title><link rel="icon" href="data:,">
<body>
<script>
  window.flood = (count, data) => {
    for (let i = 0; i < count; i++) window.parent.postMessage(data, '*')
    return count
  }
  window.nest = () => new Promise((resolve) => {
    const child = document.createElement('iframe')
    child.src = location.origin + '/crm.html?nested'
    child.onload = () => resolve(true)
    document.body.append(child)
  })
  if (location.search === '?nested') {
    window.parent.parent.postMessage({ type: 'CLOSE_CRM_TAB' }, '*')
    window.top.postMessage({ type: 'MAKE_CALL', payload: { destination: '5550100' } }, '*')
  }
  if (location.search === '?popup' && window.opener) {
    window.opener.postMessage({ type: 'CLOSE_CRM_TAB' }, '*')
    window.opener.postMessage({ type: 'MAKE_CALL', payload: { destination: '5550100' } }, '*')
  }
  document.body.dataset.ready = 'true'
</script>
</body>
`

export async function startFloodServer({ isolated = false } = {}) {
  const bundle = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['__tests__/e2e/hardening/floodHost.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    alias: { 'ucp-crm-bridge': `${root}src/index.ts` },
    // A production build, as agents run it: no development checks or warnings in the way.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const hostJs = bundle.outputFiles[0].text
  const isolation = isolated
    ? {
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
        'cross-origin-resource-policy': 'cross-origin',
      }
    : {}

  const handler = (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://flood.invalid')
    const send = (type, body) => {
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...isolation })
      res.end(body)
    }
    if (pathname === '/host.html') return send('text/html; charset=utf-8', hostHtml)
    if (pathname === '/host.js') return send('text/javascript; charset=utf-8', hostJs)
    if (pathname === '/crm.html') return send('text/html; charset=utf-8', crmHtml)
    res.writeHead(404).end()
  }

  const main = await listenLoopback(handler)
  const other = await listenLoopback(handler)
  const servers = [...main.servers, ...other.servers]
  const crmOrigin = `http://localhost:${main.port}`
  return {
    hostOrigin: `http://127.0.0.1:${main.port}`,
    crmOrigin,
    elsewhereOrigin: `http://localhost:${other.port}`,
    hostUrl: (mode) => `http://127.0.0.1:${main.port}/host.html?mode=${mode}&crm=${crmOrigin}`,
    close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
  }
}
