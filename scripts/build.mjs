#!/usr/bin/env node
// `npm run build`: the package's dist/, from package.json `exports` (the one list of entries).
//   dist/esm/  ES modules and their .d.ts (tsc, tsconfig.build.json)
//   dist/cjs/  CommonJS and its .d.ts (tsc, tsconfig.build.cjs.json), with a package.json saying so
//   dist/client.global.js  the client for a plain <script> tag (scripts/buildClientGlobal.mjs)
// Both builds are tsc's file-for-file output, so the React entry requires the core's own files and
// never carries a copy of them. A CommonJS entry that needs peer dependencies is loaded through a
// small guard that names the missing peers (see guardSource).
import { spawn } from 'node:child_process'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildClientGlobal } from './buildClientGlobal.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')

function run(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`)),
    )
  })
}

/** The entries of package.json `exports`: `{ subpath, require }`, the CommonJS file users get. */
function entries() {
  return Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object' && target.require)
    .map(([subpath, target]) => ({ subpath, require: target.require.default }))
}

/** The peer dependencies a CommonJS file needs, following its relative requires. */
function peersOf(file, seen = new Set()) {
  if (seen.has(file)) return new Set()
  seen.add(file)
  const peers = new Set()
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/require\("([^"]+)"\)/g)) {
    if (spec.startsWith('.')) {
      for (const peer of peersOf(join(dirname(file), spec), seen)) peers.add(peer)
      continue
    }
    const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
    if (name in (pkg.peerDependencies ?? {})) peers.add(name)
  }
  // Redux Toolkit brings redux; name it too, as a peer of its own.
  if (peers.has('@reduxjs/toolkit') && 'redux' in pkg.peerDependencies) peers.add('redux')
  return peers
}

/**
 * The CommonJS entry users require, in front of tsc's: it loads tsc's file and, if that fails for
 * want of a peer dependency, throws an error naming every missing one and how to install it. It
 * costs nothing when the peers are there. (In ES modules no code runs before imports resolve, so
 * there the bundler's or Node's own "cannot find '@reduxjs/toolkit'" says it.)
 */
function guardSource(subpath, target, peers) {
  const name = `${pkg.name}${subpath.slice(1)}`
  // `npm install` arguments: a peer with a compound range (`^18 || ^19`) goes bare, which npm
  // satisfies with the latest.
  const wanted = peers.map((peer) => {
    const range = pkg.peerDependencies[peer]
    return range.includes(' ') ? peer : `${peer}@${range}`
  })
  // One literal require.resolve per peer, so that a bundler reading this file resolves each.
  const checks = peers.map(
    (peer) =>
      `  try {\n    require.resolve(${JSON.stringify(peer)})\n  } catch {\n    missing.push(${JSON.stringify(peer)})\n  }\n`,
  )
  return `'use strict'
// ${name} for require(): tsc's build, with a clear error if a peer dependency is missing.
try {
  module.exports = require(${JSON.stringify(target)})
} catch (error) {
  const missing = []
${checks.join('')}  if (missing.length === 0) throw error
  throw new Error(
    ${JSON.stringify(`${name} needs its peer dependencies ${peers.join(', ')}; not installed: `)} +
      missing.join(', ') +
      ${JSON.stringify(`. Install them: npm install ${wanted.join(' ')}`)} +
      ${JSON.stringify(` (a CRM page that only talks to UCP imports ${pkg.name}/client, which needs none).`)},
    { cause: error },
  )
}
`
}

rmSync(join(root, 'dist'), { recursive: true, force: true })
await Promise.all([
  run([tsc, '-p', 'tsconfig.build.json']),
  run([tsc, '-p', 'tsconfig.build.cjs.json']),
  buildClientGlobal(join(root, 'dist/client.global.js')),
])
writeFileSync(join(root, 'dist/cjs/package.json'), '{ "type": "commonjs" }\n')

// An entry that needs peers is required through its guard (`index.guard.js` beside tsc's `index.js`);
// one that needs none, directly. A mismatch fails the build, so a new entry cannot forget it.
for (const entry of entries()) {
  const file = join(root, entry.require)
  const guarded = file.endsWith('.guard.js')
  const target = guarded ? file.replace(/\.guard\.js$/, '.js') : file
  const peers = [...peersOf(target)]
  if (guarded !== peers.length > 0) {
    const fix = guarded
      ? "point its require at tsc's file"
      : `point its require at ${entry.require.replace(/\.js$/, '.guard.js')}`
    throw new Error(
      `package.json exports["${entry.subpath}"]: peers ${peers.join(', ') || 'none'}: ${fix}`,
    )
  }
  if (guarded)
    writeFileSync(file, guardSource(entry.subpath, `./${relative(dirname(file), target)}`, peers))
}
