// The bench's own pages, apart from the demo so that the demo may change freely:
//   host   http://127.0.0.1:PORT/                 UCP with the bridge (bench/chromium/host.ts)
//   tabs   http://127.0.0.1:PORT/tabs.html?tabs=N UCP with N tabs (bench/chromium/tabsPage.ts)
//   frames http://localhost:PORT/frame.html       a CRM page that sends MAKE_CALL on command
//   memory http://127.0.0.1:PORT/memory.html      UCP-shaped React hosts (bench/memory/hostPage.tsx)
//          http://localhost:PORT/crm.html         their tab's CRM page (bench/memory/crmPage.ts)
// Two sites, so Chromium runs the frames in another process, as a real CRM on its own site. The
// timing pages are cross-origin isolated (COOP + COEP), which lets performance.now() tick in 5 µs
// steps instead of 100 µs; that changes nothing else about messaging. The memory pages are not, as
// UCP is not.
import type { RequestListener } from 'node:http'
import { basename } from 'node:path'
import * as esbuild from 'esbuild'
import { closeServer, listenLoopback } from '../../scripts/loopback.mjs'

const hostHtml = (config: object, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ucp-crm-bridge bench host</title>
<link rel="icon" href="data:,">
<script type="application/json" id="bench-config">${JSON.stringify(config)}</script>
<script type="module" src="/${script}.js"></script></head>
<body><div id="iframe-parent"></div></body></html>`

// Inlined, so that 1000 frames do not fetch a script each.
const crmHtml = (config: object, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM</title><link rel="icon" href="data:,">
<script type="application/json" id="bench-config">${JSON.stringify(config)}</script>
<script>${script.replaceAll('</script', '<\\/script')}</script></head><body></body></html>`

// Sends MAKE_CALL as the spec's example does, one at a time: the host acknowledges each one once it
// is done with it, and the next goes 1 ms later, so that messages never queue behind each other.
const frameHtml = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CRM</title><link rel="icon" href="data:,"></head>
<body><script>
const now = () => performance.timeOrigin + performance.now()
let acknowledge
addEventListener('message', (event) => {
  if (event.source !== parent || event.data?.type !== 'BENCH_ACK' || !acknowledge) return
  const settle = acknowledge
  acknowledge = undefined
  settle(now())
})
// Counts the call statuses it hears, the bridge's and the bench's bare ones (requestId bare-…).
window.benchStatuses = { bridge: 0, bare: 0 }
addEventListener('message', (event) => {
  if (event.source !== parent || event.data?.type !== 'UCP_CALL_STATUS') return
  benchStatuses[String(event.data.requestId).startsWith('bare-') ? 'bare' : 'bridge']++
})
window.benchSend = async (count, gapMs) => {
  const sent = []
  const acked = []
  for (let i = 0; i < count; i++) {
    const ack = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no BENCH_ACK in 5 s: MAKE_CALL rejected?')), 5000)
      acknowledge = (at) => {
        clearTimeout(timer)
        resolve(at)
      }
    })
    const start = now()
    window.parent.postMessage({ type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } }, '*')
    sent.push(start)
    acked.push(await ack)
    await new Promise((resolve) => setTimeout(resolve, gapMs))
  }
  return { sent, acked, isolated: crossOriginIsolated }
}
</script></body></html>`

export interface BenchServer {
  hostUrl: string
  frameOrigin: string
  close(): Promise<void>
}

export async function startBenchServer(root: string, tabs: number): Promise<BenchServer> {
  const built = await esbuild.build({
    absWorkingDir: root,
    entryPoints: {
      host: 'bench/chromium/host.ts',
      tabs: 'bench/chromium/tabsPage.ts',
      memory: 'bench/memory/hostPage.tsx',
      crm: 'bench/memory/crmPage.ts',
    },
    outdir: 'bench-pages',
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    alias: {
      'ucp-crm-bridge/client': './src/client/index.ts',
      'ucp-crm-bridge/react': './src/react/index.ts',
      'ucp-crm-bridge': './src/index.ts',
    },
    define: { 'process.env.NODE_ENV': '"production"' }, // as UCP ships
    logLevel: 'warning',
  })
  const scripts = new Map(built.outputFiles.map((file) => [`/${basename(file.path)}`, file.text]))
  const config = { frameOrigin: '', tabs }
  const crmConfig = { hostOrigin: '' }
  const isolated = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  }
  const handler: RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://bench.invalid').pathname
    const send = (type: string, body: string, isolate = true) => {
      const corp = { 'cross-origin-resource-policy': 'cross-origin' }
      res.writeHead(200, {
        'content-type': type,
        'cache-control': 'no-store',
        ...(isolate ? isolated : {}),
        ...corp,
      })
      res.end(body)
    }
    const html = 'text/html; charset=utf-8'
    if (path === '/memory.html') return send(html, hostHtml(config, 'memory'), false)
    if (path === '/crm.html') return send(html, crmHtml(crmConfig, scripts.get('/crm.js')!), false)
    if (path === '/') return send('text/html; charset=utf-8', hostHtml(config, 'host'))
    if (path === '/tabs.html') return send('text/html; charset=utf-8', hostHtml(config, 'tabs'))
    const script = scripts.get(path)
    if (script) return send('text/javascript; charset=utf-8', script)
    if (path === '/frame.html') return send('text/html; charset=utf-8', frameHtml)
    res.writeHead(404).end()
  }
  // `localhost` may resolve to ::1 or to 127.0.0.1: listen on both, with the same port.
  const { port, servers } = await listenLoopback(handler)
  config.frameOrigin = `http://localhost:${port}`
  crmConfig.hostOrigin = `http://127.0.0.1:${port}`
  return {
    hostUrl: `http://127.0.0.1:${port}/`,
    frameOrigin: config.frameOrigin,
    async close() {
      await Promise.all(servers.map(closeServer))
    },
  }
}
