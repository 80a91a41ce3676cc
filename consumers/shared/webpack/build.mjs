// Bundles src/index.ts with webpack 5 (production). Fails on any error or warning, and unless every
// module of ucp-crm-bridge in the bundle comes from one build: one copy, even though the core is
// both imported and required. The script-tag client is emitted by an asset/resource rule, as the
// README shows, at the URL the bundle holds (minified again by webpack, as every JS asset is).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { runInNewContext } from 'node:vm'
import webpack from 'webpack'

const stats = await new Promise((resolve, reject) =>
  webpack(
    {
      mode: 'production',
      context: import.meta.dirname,
      entry: './src/index.ts',
      output: {
        path: `${import.meta.dirname}/dist`,
        publicPath: '/static/',
        library: { type: 'commonjs2' },
      },
      resolve: { extensions: ['.ts', '.tsx', '.js'] },
      module: {
        rules: [
          { test: /\.tsx?$/, loader: 'ts-loader' },
          { test: /client\.global\.js$/, type: 'asset/resource' },
        ],
      },
      externals: {},
    },
    (error, result) => (error ? reject(error) : resolve(result)),
  ),
)
const info = stats.toJson({
  all: false,
  errors: true,
  warnings: true,
  modules: true,
  nestedModules: true,
})
if (stats.hasErrors() || stats.hasWarnings()) {
  for (const problem of [...info.errors, ...info.warnings]) console.error(problem.message)
  process.exit(1)
}
const ours = new Set()
const walk = (modules = []) => {
  for (const module of modules) {
    const at = /node_modules\/ucp-crm-bridge\/(dist\/[a-z]+)\//.exec(module.name ?? '')
    if (at) ours.add(at[1])
    walk(module.modules)
  }
}
walk(info.modules)
console.log(`ucp-crm-bridge builds in the bundle: ${[...ours].join(', ')}`)
if (ours.size !== 1) process.exit(1)

// The bundle runs (in Node, with no window) and the imported and required cores are one object.
const bundle = createRequire(import.meta.url)('./dist/main.js')
if (!bundle.oneCopy || typeof bundle.store.getState().crmTabs !== 'object') process.exit(1)
assert.match(bundle.crmClientScript, /^\/static\/[0-9a-f]+\.js$/)
const script = `${import.meta.dirname}/dist/${bundle.crmClientScript.slice('/static/'.length)}`
// Run as a classic script, it defines window.UcpCrmClient, as the package's own file does.
const page = { window: {} }
runInNewContext(readFileSync(script, 'utf8'), page)
assert.deepEqual(Object.keys(page.window.UcpCrmClient).sort(), [
  'CrmClientError',
  'createCrmClient',
])
