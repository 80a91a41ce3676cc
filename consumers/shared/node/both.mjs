// The dual-package hazard: Node loads the ES module build for `import` and the CommonJS build for
// `require`, two copies in one process. Whatever crosses between them must still work.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { configureStore } from '@reduxjs/toolkit'
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { Provider } from 'react-redux'
import * as esm from 'ucp-crm-bridge'
import * as esmReact from 'ucp-crm-bridge/react'

const require = createRequire(import.meta.url)
const cjs = require('ucp-crm-bridge')
const cjsReact = require('ucp-crm-bridge/react')
assert.notEqual(cjs.createCrmBridge, esm.createCrmBridge, 'two copies are loaded')

// Errors from one copy are instances of the other's class.
const fromCjs = new cjs.CrmBridgeError('invalid-option', 'x')
assert.ok(fromCjs instanceof esm.CrmBridgeError)
assert.ok(new esm.CrmBridgeError('invalid-option', 'x') instanceof cjs.CrmBridgeError)
assert.ok(!(new Error('x') instanceof esm.CrmBridgeError))

// Action creators match by type; one copy's bridge runs a store of the other's reducers.
const crm = cjs.createCrmBridge({ telephony: { dial: () => undefined } })
const store = configureStore({
  reducer: esm.crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
const tab = store.dispatch(cjs.crmTabOpened({ url: 'https://crm.example.com/1' })).payload
assert.ok(esm.crmTabOpened.match(cjs.crmTabOpened({ url: 'https://crm.example.com/2' })))
assert.deepEqual(esm.selectCrmTabIds(store.getState()), [tab.id])

// One copy's provider serves the other's hooks.
let seen
function UsesCjsHook() {
  seen = cjsReact.useCrmBridge()
  return null
}
renderToString(
  createElement(
    Provider,
    { store },
    createElement(esmReact.CrmBridgeProvider, { bridge: crm }, createElement(UsesCjsHook)),
  ),
)
assert.equal(seen, crm)
