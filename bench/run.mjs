#!/usr/bin/env node
// Runs one TypeScript file of the bench in Node. esbuild bundles it with the package's sources
// (`ucp-crm-bridge` is src/index.ts, as in the tests) and leaves npm packages to Node, into
// node_modules/.cache; then Node runs the bundle.
//   node bench/run.mjs [node flags…] bench/main.ts [args…]
import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { bundleForNode, root } from '../scripts/bundleForNode.mjs'

const argv = process.argv.slice(2)
const at = argv.findIndex((arg) => !arg.startsWith('-'))
if (at < 0) {
  console.error('usage: node bench/run.mjs [node flags…] <file.ts> [args…]')
  process.exit(2)
}
const nodeFlags = argv.slice(0, at)
const [entry, ...args] = argv.slice(at)
const name = entry
  .replace(/^bench[\\/]/, '')
  .replace(/\.ts$/, '')
  .replace(/[\\/]/g, '-')
const outfile = `${root}node_modules/.cache/ucp-crm-bridge-bench/${name}.mjs`

await bundleForNode(entry, outfile, { sourcemap: true })

const run = spawnSync(process.execPath, ['--enable-source-maps', ...nodeFlags, outfile, ...args], {
  stdio: 'inherit',
  env: { ...process.env, UCP_BENCH_ROOT: root },
})
process.exit(run.status ?? 1)
