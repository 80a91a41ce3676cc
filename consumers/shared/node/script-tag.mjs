// dist/client.global.js in a plain page with no bundler and no module script: it defines
// window.UcpCrmClient (createCrmClient and CrmClientError) and nothing else.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { JSDOM } from 'jsdom'

const packageJson = createRequire(import.meta.url).resolve('ucp-crm-bridge/package.json')
const file = join(dirname(packageJson), 'dist/client.global.js')
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
