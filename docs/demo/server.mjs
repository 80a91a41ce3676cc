// The demo UCP shell and its sample CRM pages: one small HTTP server on two ports, four origins.
//   shell             http://127.0.0.1:PORT        the React app (built with Vite when the server starts)
//   Acme CRM          http://localhost:PORT        crm.html, the sample CRM page
//   Globex CRM        http://localhost:CRM_PORT    the same page, as a second CRM
//   identity provider http://127.0.0.1:CRM_PORT    the same page again, on an origin no tab may use
// /sso?next=PATH on a CRM origin goes through the identity provider's page and back, as an SSO
// sign-in does. Every CRM origin also serves crm-client.html, the sample page built on ucp-crm-bridge/client, and
// crm-script-tag.html, a plain HTML page on the script-tag client (/client.global.js).
// The app is built once, in memory, in development mode (readable stack traces, React's warnings).
import { readFileSync, realpathSync } from 'node:fs'
import process from 'node:process'
import { URLSearchParams, fileURLToPath, pathToFileURL } from 'node:url'
import react from '@vitejs/plugin-react'
import { build as bundle } from 'esbuild'
import { build } from 'vite'
import { buildClientGlobal } from '../../scripts/buildClientGlobal.mjs'
import { closeServer, listenLoopback } from '../../scripts/loopback.mjs'

const here = (path) => fileURLToPath(new URL(path, import.meta.url))
const CONFIG_PLACEHOLDER = '<!-- demo-config -->'

/** Builds the shell with Vite; returns its files by URL path. */
async function buildShell() {
  const result = await build({
    configFile: false,
    root: here('.'),
    mode: 'development',
    logLevel: 'warn',
    plugins: [react()],
    resolve: {
      // The demo imports the package by name, as UCP would; the name points at the sources.
      alias: [
        { find: /^ucp-crm-bridge\/react$/, replacement: here('../../src/react/index.ts') },
        { find: /^ucp-crm-bridge\/privacy$/, replacement: here('../../src/privacy/index.ts') },
        { find: /^ucp-crm-bridge$/, replacement: here('../../src/index.ts') },
      ],
    },
    define: { 'process.env.NODE_ENV': '"development"' },
    build: { write: false, minify: false, sourcemap: 'inline', target: 'es2022' },
  })
  const files = new Map()
  for (const output of [result].flat()) {
    for (const file of output.output) {
      files.set(`/${file.fileName}`, file.type === 'chunk' ? file.code : file.source)
    }
  }
  return files
}

/** Bundles the client sample page's script, which imports `ucp-crm-bridge/client` by name. */
async function buildClientPage() {
  const result = await bundle({
    entryPoints: [here('crmClientPage.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    alias: { 'ucp-crm-bridge/client': here('../../src/client/index.ts') },
  })
  return result.outputFiles[0].text
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const typeOf = (path) =>
  `${TYPES[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream'}; charset=utf-8`

/**
 * Builds the shell and serves the demo. `port: 0` (the default) and `crmPort: 0` pick free ports.
 * @param {{ port?: number, crmPort?: number }} [options]
 */
export async function startDemoServer({ port = 0, crmPort = 0 } = {}) {
  const [files, clientScript, clientGlobal] = await Promise.all([
    buildShell(),
    buildClientPage(),
    buildClientGlobal(),
  ])
  const crmPage = readFileSync(here('crm.html'), 'utf8')
  const clientPage = readFileSync(here('crm-client.html'), 'utf8')
  const scriptTagPage = readFileSync(here('crm-script-tag.html'), 'utf8')
  const crmStyles = readFileSync(here('crm.css'), 'utf8')
  const config = {}
  const withConfig = (html) =>
    html.replace(
      CONFIG_PLACEHOLDER,
      `<script type="application/json" id="demo-config">${JSON.stringify(config)}</script>`,
    )

  const handler = (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid')
    const origin = `http://${req.headers.host}`
    const send = (status, type, body, headers = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers })
      res.end(body)
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET only\n')
    if (pathname === '/crm.html') return send(200, typeOf('.html'), withConfig(crmPage))
    if (pathname === '/crm-client.html') return send(200, typeOf('.html'), withConfig(clientPage))
    if (pathname === '/crm-client.js') return send(200, typeOf('.js'), clientScript)
    if (pathname === '/crm-script-tag.html')
      return send(200, typeOf('.html'), withConfig(scriptTagPage))
    if (pathname === '/client.global.js') return send(200, typeOf('.js'), clientGlobal)
    if (pathname === '/crm.css') return send(200, typeOf('.css'), crmStyles)
    // A CRM that signs in through the identity provider first, as with SSO: the tab's frame shows a
    // page of another origin before its own. `next` is the path to come back to.
    if (pathname === '/sso') {
      const back = new URL(new URL(req.url, origin).searchParams.get('next') ?? '/crm.html', origin)
      const signIn = new URL('/crm.html', config.identityOrigin)
      signIn.search = new URLSearchParams({
        crm: 'Identity provider',
        record: 'Sign-in',
        back: back.origin === origin ? back.href : `${origin}/crm.html`,
        auto: '1',
      }).toString()
      return send(302, 'text/plain', 'signing in\n', { location: signIn.href })
    }
    // The shell lives on its own origin only, so that no CRM page ever shares it.
    if (origin !== config.shellOrigin) {
      return send(302, 'text/plain', 'the shell is elsewhere\n', {
        location: `${config.shellOrigin}/`,
      })
    }
    const path = pathname === '/' ? '/index.html' : pathname
    const file = files.get(path)
    if (file === undefined) return send(404, 'text/plain', 'not found\n')
    send(200, typeOf(path), path === '/index.html' ? withConfig(file) : file)
  }

  const servers = []
  try {
    const main = await listenLoopback(handler, port)
    servers.push(...main.servers)
    const second = await listenLoopback(handler, crmPort)
    servers.push(...second.servers)
    Object.assign(config, {
      shellOrigin: `http://127.0.0.1:${main.port}`,
      crmOrigin: `http://localhost:${main.port}`,
      secondCrmOrigin: `http://localhost:${second.port}`,
      identityOrigin: `http://127.0.0.1:${second.port}`,
    })
  } catch (error) {
    await Promise.all(servers.map(closeServer))
    throw error
  }
  return { ...config, close: () => Promise.all(servers.map(closeServer)).then(() => undefined) }
}

const runDirectly =
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href

if (runDirectly) {
  const port = Number(process.env.PORT ?? 5173)
  const crmPort = Number(process.env.CRM_PORT ?? (port === 0 ? 0 : port + 1))
  console.log('Building the demo UCP shell…')
  const server = await startDemoServer({ port, crmPort })
  console.log(`UCP demo: ${server.shellOrigin}/`)
  console.log(`CRM pages from ${server.crmOrigin} (Acme) and ${server.secondCrmOrigin} (Globex)`)
  console.log(`Identity provider (an origin no tab may use): ${server.identityOrigin}`)
  const stop = () => server.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
