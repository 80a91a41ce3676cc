// The runnable example: one small HTTP server, three origins.
//   host    http://127.0.0.1:PORT        index.html + host.js (UCP with the bridge)
//   CRM     http://localhost:PORT        crm.html?name=... (the CRM pages in the tab frames)
//   foreign http://localhost:OTHER_PORT  the same CRM page on an origin no tab is allowed to use
// host.ts is bundled in memory with esbuild on each request for host.js, so edits show on reload.
import { createServer } from 'node:http'
import { realpathSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import * as esbuild from 'esbuild'

const root = fileURLToPath(new URL('../../', import.meta.url))

const indexHtml = (config) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>UCP with CRM tabs (ucp-crm-bridge example)</title>
  <link rel="icon" href="data:,">
  <style>
    body { font: 14px/1.4 system-ui, sans-serif; margin: 1rem; }
    #tab-strip { display: flex; gap: .5rem; list-style: none; padding: 0; flex-wrap: wrap; }
    #tab-strip li { border: 1px solid #999; border-radius: 4px 4px 0 0; padding: .25rem .6rem; }
    #tab-strip li[aria-current="true"] { background: #dde8ff; font-weight: 600; }
    #iframe-parent { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: .75rem; }
    #iframe-parent iframe { width: 100%; height: 230px; border: 2px solid #7a9; }
    #iframe-parent iframe[data-role] { border-color: #c66; }
    section { margin-top: 1rem; }
  </style>
  <script type="application/json" id="example-config">${JSON.stringify(config)}</script>
  <script type="module" src="/host.js"></script>
</head>
<body>
  <h1>UCP (host, ${config.hostOrigin})</h1>
  <ul id="tab-strip" aria-label="CRM tabs"></ul>
  <p>One frame per tab, in tab order: Contact 42 and Contact 42 (again) load the same URL; the
    Spoofed tab's frame really loads from another origin. The red frame is no tab's frame: it loads
    the Deals URL. Only the first three frames should be obeyed.</p>
  <div id="iframe-parent"></div>
  <section><h2>Calls</h2><ol id="calls"></ol></section>
  <section><h2>Softphone: dialed numbers</h2><ol id="dials"></ol></section>
  <section><h2>Rejected messages</h2><ol id="rejections"></ol></section>
</body>
</html>
`

// The CRM page sends the spec's examples as written; only the explicit id comes from an input
// (prefilled from ?closeId=..., else the spec's example id).
const crmHtml = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>CRM page</title>
  <link rel="icon" href="data:,">
  <style>body { font: 13px/1.4 system-ui, sans-serif; margin: .5rem; } button { margin: .15rem 0; }</style>
</head>
<body>
  <h2 id="name">CRM</h2>
  <p>Served from <code id="origin"></code></p>
  <button id="close" type="button">Close this tab</button><br>
  <input id="tab-id" size="38" aria-label="Tab id">
  <button id="close-by-id" type="button">Close tab by id</button><br>
  <button id="call" type="button">Call +1 (555) 123-4567</button><br>
  <button id="malformed" type="button">Send a malformed message</button>
  <script>
    const params = new URLSearchParams(location.search)
    document.getElementById('name').textContent = params.get('name') || 'CRM'
    document.getElementById('origin').textContent = location.origin
    document.getElementById('tab-id').value =
      params.get('closeId') || '550e8400-e29b-41d4-a716-446655440000'

    document.getElementById('close').addEventListener('click', () => {
      // The iframe simply sends this message
      // UCP will identify which tab to close automatically
      window.parent.postMessage({
        type: 'CLOSE_CRM_TAB'
      }, '*')
    })

    document.getElementById('close-by-id').addEventListener('click', () => {
      // If you know the tab ID, you can provide it directly
      window.parent.postMessage({
        type: 'CLOSE_CRM_TAB',
        payload: {
          id: document.getElementById('tab-id').value
        }
      }, '*')
    })

    document.getElementById('call').addEventListener('click', () => {
      window.parent.postMessage({
        type: 'MAKE_CALL',
        payload: {
          destination: '+1 (555) 123-4567'
        }
      }, '*')
    })

    document.getElementById('malformed').addEventListener('click', () => {
      // No type field: UCP must reject it.
      window.parent.postMessage({ payload: { id: 42 } }, '*')
    })

    document.body.dataset.ready = 'true' // for the end-to-end test: the buttons work from now on
  </script>
</body>
</html>
`

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server.address().port)
    })
  })
}

// Listens on 127.0.0.1 and, on the same port, on ::1, because `localhost` may resolve to either.
// With port 0 the system picks a port free on 127.0.0.1; if ::1 has it taken, another is tried.
async function listenLoopback(handler, port) {
  for (let attempt = 0; ; attempt++) {
    const v4 = createServer(handler)
    const actual = await listen(v4, port, '127.0.0.1')
    const v6 = createServer(handler)
    try {
      await listen(v6, actual, '::1')
      return { port: actual, servers: [v4, v6] }
    } catch (error) {
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EAFNOSUPPORT') {
        return { port: actual, servers: [v4] } // no IPv6 loopback: localhost is 127.0.0.1 here
      }
      await closeServer(v4)
      if (error.code !== 'EADDRINUSE' || port !== 0 || attempt >= 5) throw error
    }
  }
}

function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve())
    server.closeAllConnections()
  })
}

export async function startExampleServer({ port = 0 } = {}) {
  const context = await esbuild.context({
    absWorkingDir: root,
    entryPoints: ['docs/example/host.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: 'inline',
    alias: { 'ucp-crm-bridge': fileURLToPath(new URL('../../src/index.ts', import.meta.url)) },
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  })
  // Rebuilds are incremental; they run one at a time.
  let queue = Promise.resolve()
  const bundle = () => {
    const next = queue.then(() => context.rebuild())
    queue = next.catch(() => {})
    return next.then((result) => result.outputFiles[0].text)
  }
  try {
    await bundle() // fail now, with esbuild's message, rather than in the browser
  } catch (error) {
    await context.dispose()
    throw error
  }

  const config = {}
  const handler = async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://example.invalid')
    const send = (status, type, body) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
      res.end(body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n')
    if (pathname === '/' || pathname === '/index.html') {
      return send(200, 'text/html; charset=utf-8', indexHtml(config))
    }
    if (pathname === '/crm.html') return send(200, 'text/html; charset=utf-8', crmHtml)
    if (pathname === '/host.js') {
      try {
        return send(200, 'text/javascript; charset=utf-8', await bundle())
      } catch (error) {
        return send(500, 'text/plain; charset=utf-8', `esbuild failed:\n${error.message}\n`)
      }
    }
    return send(404, 'text/plain', 'not found\n')
  }

  const servers = []
  try {
    const main = await listenLoopback(handler, port)
    servers.push(...main.servers)
    const foreign = await listenLoopback(handler, 0)
    servers.push(...foreign.servers)
    Object.assign(config, {
      hostOrigin: `http://127.0.0.1:${main.port}`,
      crmOrigin: `http://localhost:${main.port}`,
      foreignOrigin: `http://localhost:${foreign.port}`,
    })
  } catch (error) {
    await Promise.all(servers.map(closeServer))
    await context.dispose()
    throw error
  }

  return {
    ...config,
    async close() {
      await Promise.all(servers.map(closeServer))
      await context.dispose()
    },
  }
}

const runDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href

if (runDirectly) {
  const server = await startExampleServer({ port: Number(process.env.PORT ?? 5173) })
  console.log(`UCP example host: ${server.hostOrigin}/`)
  console.log(
    `CRM frames from ${server.crmOrigin}, the disallowed frame from ${server.foreignOrigin}`,
  )
  const stop = () => server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
