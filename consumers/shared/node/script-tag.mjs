// The script-tag client in a plain page with no bundler and no module script: it defines
// window.UcpCrmClient (createCrmClient and CrmClientError) and nothing else. A server finds the file
// through the package's exports, as the README says, by require.resolve or import.meta.resolve.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { JSDOM } from 'jsdom'

const file = createRequire(import.meta.url).resolve('ucp-crm-bridge/client.global.js')
assert.equal(fileURLToPath(import.meta.resolve('ucp-crm-bridge/client.global.js')), file)
assert.match(file, /node_modules\/ucp-crm-bridge\/dist\/client\.global\.js$/)
const dom = new JSDOM('<!doctype html><body></body>', { runScripts: 'dangerously' })
const { window } = dom
const before = new Set(Object.keys(window))
const script = window.document.createElement('script')
script.textContent = readFileSync(file, 'utf8')
window.document.body.append(script)

assert.deepEqual(
  Object.keys(window).filter((key) => !before.has(key)),
  ['UcpCrmClient'],
)
const { UcpCrmClient } = window
assert.deepEqual(Object.keys(UcpCrmClient).sort(), ['CrmClientError', 'createCrmClient'])
const page = UcpCrmClient.createCrmClient({ parentOrigin: 'https://ucp.example.com' })
await assert.rejects(
  page.ready,
  (error) => error instanceof UcpCrmClient.CrmClientError && error.code === 'no-parent',
)
page.destroy()
window.close()
