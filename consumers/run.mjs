#!/usr/bin/env node
// `npm run test:consumers`: the package as users get it. It builds and packs the package, installs
// the tarball into the consumer projects of this folder, and runs each one. One line per consumer,
// PASS or FAIL (with the end of its output); exits 1 if any failed.
//   node consumers/run.mjs [--tarball FILE] [--only TEXT]
// --tarball tests another build (an older one, say); --only runs the consumers whose name has TEXT.
// shared/ is one install (npm workspaces) for most consumers; vite-react18/ has its own, since React
// 18 must not share a node_modules with React 19; client-only installs the tarball alone.
import { spawn } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { clearTimeout } from 'node:timers'

const here = import.meta.dirname
const root = resolve(here, '..')
const shared = join(here, 'shared')
const react18 = join(here, 'vite-react18')
const NPM_FLAGS = ['--prefer-offline', '--no-audit', '--no-fund']
const started = performance.now()

/** Runs a command; resolves to `{ ok, output }` (stdout and stderr together), never rejects. */
function run(command, args, cwd, timeoutMs = 5 * 60_000) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, FORCE_COLOR: '0' } })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', (error) => (output += String(error)))
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      done({ ok: code === 0, output: signal ? `${output}\nkilled by ${signal}` : output })
    })
  })
}

const node = (args, cwd) => run(process.execPath, args, cwd)
const npm = (args, cwd) => run('npm', args, cwd)
/** A package's command (its package.json `bin`), as a consumer's folder finds it (own or hoisted). */
function bin(dir, pkg, command = pkg) {
  let at = dir
  while (!existsSync(join(at, 'node_modules', pkg, 'package.json'))) {
    if (at === dirname(at)) throw new Error(`${pkg} is not installed for ${dir}`)
    at = dirname(at)
  }
  const manifest = join(at, 'node_modules', pkg, 'package.json')
  const { bin: bins } = JSON.parse(readFileSync(manifest, 'utf8'))
  return join(dirname(manifest), typeof bins === 'string' ? bins : bins[command])
}

async function pack() {
  const flag = process.argv.indexOf('--tarball')
  if (flag > 0) return resolve(process.argv[flag + 1])
  const build = await npm(['run', 'build'], root)
  if (!build.ok) throw new Error(`npm run build failed:\n${build.output}`)
  const destination = join(here, '.pack')
  rmSync(destination, { recursive: true, force: true })
  mkdirSync(destination)
  const packed = await npm(['pack', '--json', '--pack-destination', destination], root)
  if (!packed.ok) throw new Error(`npm pack failed:\n${packed.output}`)
  return join(destination, JSON.parse(packed.output.slice(packed.output.indexOf('[')))[0].filename)
}

/** npm ci from the committed lockfile, then the tarball on top, as `npm install` would add it. */
async function install(dir, tarball) {
  const ci = await npm(['ci', ...NPM_FLAGS], dir)
  if (!ci.ok) return ci
  return npm(['install', '--no-save', ...NPM_FLAGS, tarball], dir)
}

/** A fresh CRM page project with nothing but the tarball installed. */
async function clientOnly(tarball) {
  const dir = mkdtempSync(join(tmpdir(), 'ucp-crm-page-'))
  writeFileSync(join(dir, 'package.json'), '{ "name": "crm-page", "private": true }\n')
  cpSync(join(here, 'client-only/check.mjs'), join(dir, 'check.mjs'))
  const installed = await npm(['install', ...NPM_FLAGS, tarball], dir)
  const result = installed.ok ? await node(['check.mjs'], dir) : installed
  rmSync(dir, { recursive: true, force: true })
  return result
}

function tscChecks(typescript) {
  const dir = join(shared, 'tsc')
  return ['node10', 'node16-esm', 'node16-cjs', 'bundler'].map((config) => ({
    name: `TypeScript ${typescript === 'typescript' ? '5.9' : '5.4'}, moduleResolution ${config}`,
    setup: 'shared',
    run: () => node([bin(dir, typescript, 'tsc'), '-p', `tsconfig.${config}.json`], dir),
  }))
}

function viteChecks(label, dir, setup) {
  return [
    {
      name: `Vite + ${label}: tsc`,
      setup,
      run: () => node([bin(dir, 'typescript', 'tsc'), '-p', '.'], dir),
    },
    {
      name: `Vite + ${label}: vite build, the script-tag client emitted by its ?url import`,
      setup,
      run: () => node(['build.mjs'], dir),
    },
  ]
}

const jest = (version) => ({
  name: `Jest ${version}, stock ts-jest preset, jsdom (CommonJS)`,
  setup: 'shared',
  run: () => {
    const dir = join(shared, `jest${version}`)
    return node([bin(dir, 'jest'), '--ci'], dir)
  },
})

const inNode = (name, args) => ({
  name,
  setup: 'shared',
  run: () => node(args, join(shared, 'node')),
})

const CONSUMERS = [
  ...viteChecks('React 19', join(shared, 'vite-react19'), 'shared'),
  ...viteChecks('React 18', react18, 'react18'),
  {
    name: 'webpack 5 + ts-loader: one copy for import and require, runs',
    setup: 'shared',
    run: () => node(['build.mjs'], join(shared, 'webpack')),
  },
  jest(29),
  jest(30),
  {
    name: 'Vitest, jsdom (ES modules)',
    setup: 'shared',
    run: () => {
      const dir = join(shared, 'vitest')
      return node([bin(dir, 'vitest'), 'run'], dir)
    },
  },
  inNode('Node require, no window, no require(esm): every entry', [
    '--no-experimental-require-module',
    'require.cjs',
    'entries',
  ]),
  inNode('Node import, no window: every entry', ['import.mjs', 'entries']),
  inNode('Node require, no window: createCrmClient() rejects no-parent', [
    '--no-experimental-require-module',
    'require.cjs',
    'client',
  ]),
  inNode('Node import, no window: createCrmClient() rejects no-parent', ['import.mjs', 'client']),
  inNode('Node import and require together (dual-package hazard)', ['both.mjs']),
  inNode(
    'Script tag: ucp-crm-bridge/client.global.js, resolved through exports, in a plain page (jsdom)',
    ['script-tag.mjs'],
  ),
  ...tscChecks('typescript'),
  ...tscChecks('typescript54'),
  {
    name: 'arethetypeswrong, default profile',
    setup: 'none',
    // The script-tag client is a classic script, not a module: it has no types to check.
    run: (tarball) =>
      node(
        [
          bin(root, '@arethetypeswrong/cli', 'attw'),
          tarball,
          '--exclude-entrypoints',
          'client.global.js',
        ],
        root,
      ),
  },
  {
    name: 'CRM page with the client only: no peers installed, clear messages',
    setup: 'none',
    run: clientOnly,
  },
]

const tarball = await pack()
console.log(`test:consumers: ${basename(tarball)}`)
// The same type checks from a CommonJS file, for node16 from CommonJS.
copyFileSync(join(shared, 'tsc/entries.ts'), join(shared, 'tsc/entries.cts'))
cpSync(join(shared, 'vite-react19'), react18, {
  recursive: true,
  filter: (from) => !/node_modules|dist|package(-lock)?\.json$/.test(from.slice(shared.length)),
})
const setups = {
  shared: install(shared, tarball),
  react18: install(react18, tarball),
  none: Promise.resolve({ ok: true }),
}

const only = process.argv.indexOf('--only')
const chosen = CONSUMERS.filter(({ name }) => only < 0 || name.includes(process.argv[only + 1]))
let failed = 0
const queue = [...chosen]
async function worker() {
  for (let consumer = queue.shift(); consumer; consumer = queue.shift()) {
    const setup = await setups[consumer.setup]
    const since = performance.now()
    const result = setup.ok ? await consumer.run(tarball) : { ok: false, output: setup.output }
    const seconds = ((performance.now() - since) / 1000).toFixed(1)
    console.log(`${result.ok ? 'PASS' : 'FAIL'}  ${consumer.name}  (${seconds} s)`)
    if (!result.ok) {
      failed += 1
      const tail = result.output.trimEnd().split('\n').slice(-30)
      console.log(tail.map((line) => `      | ${line}`).join('\n'))
    }
  }
}
await Promise.all(Array.from({ length: Math.min(2, availableParallelism()) }, worker))

const total = ((performance.now() - started) / 1000).toFixed(0)
const passed = chosen.length - failed
console.log(`\ntest:consumers: ${passed} passed, ${failed} failed, ${total} s`)
process.exitCode = failed > 0 ? 1 : 0
