// A CRM page's project that installs only ucp-crm-bridge (run.mjs copies this file into a fresh
// directory, installs the tarball alone there and runs it): npm brings nothing else (the package has no dependencies), the client
// works, and the host entries say which peer dependencies to install.
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const installed = readdirSync('node_modules').filter((name) => !name.startsWith('.'))
assert.deepEqual(installed.sort(), ['ucp-crm-bridge'])

for (const client of [require('ucp-crm-bridge/client'), await import('ucp-crm-bridge/client')]) {
  assert.equal(typeof client.createCrmClient, 'function')
  assert.equal(new client.CrmClientError('timeout').code, 'timeout')
}

// require(): the package's own message, naming every missing peer and the command.
const says =
  (...words) =>
  (error) =>
    words.every((word) => error.message.includes(word))
assert.throws(
  () => require('ucp-crm-bridge'),
  says('@reduxjs/toolkit, redux', 'npm install @reduxjs/toolkit@^2', 'ucp-crm-bridge/client'),
)
assert.throws(
  () => require('ucp-crm-bridge/react'),
  says('react', 'react-redux', '@reduxjs/toolkit', 'redux', 'npm install'),
)
// The sanitizers need no peer: they read plain actions and states, with the package's types as text.
const { redactCrmAction } = require('ucp-crm-bridge/privacy')
const call = { type: 'telephony/makeCallRequested', payload: { destination: '15551234567' } }
assert.equal(redactCrmAction(call).payload.destination, '•••••••••67')

assert.throws(
  () => require('ucp-crm-bridge/phone'),
  says('libphonenumber-js', 'npm install libphonenumber-js'),
)
// import: nothing runs before ES modules resolve, so Node's own message names the package.
await assert.rejects(import('ucp-crm-bridge'), says("'@reduxjs/toolkit'"))
