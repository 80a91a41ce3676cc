// `vite build` of the app, then what its `?url` import of the script-tag client emitted: the
// package's own dist/client.global.js, byte for byte, and a bundle that refers to it by its URL.
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { build } from 'vite'

const root = import.meta.dirname
await build({ root, logLevel: 'warn' })
const assets = join(root, 'dist/assets')
const emitted = readdirSync(assets).filter((name) => /^client\.global-.+\.js$/.test(name))
assert.equal(emitted.length, 1, `the script-tag client among ${readdirSync(assets).join(', ')}`)
const script = createRequire(import.meta.url).resolve('ucp-crm-bridge/client.global.js')
assert.equal(readFileSync(join(assets, emitted[0]), 'utf8'), readFileSync(script, 'utf8'))
const bundles = readdirSync(assets).filter(
  (name) => name.startsWith('index-') && name.endsWith('.js'),
)
const bundle = bundles.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n')
assert.ok(bundle.includes(`/assets/${emitted[0]}`), 'the bundle holds the URL of the script')
