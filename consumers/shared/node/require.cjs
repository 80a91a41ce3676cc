// require() of every entry, as run.mjs runs it: node --no-experimental-require-module, the Node
// of older UCP servers (below 20.19, require(esm) does not exist).
const checks = require('./checks.cjs')

Promise.resolve(
  checks[process.argv[2]]({
    core: require('ucp-crm-bridge'),
    client: require('ucp-crm-bridge/client'),
    react: require('ucp-crm-bridge/react'),
    phone: require('ucp-crm-bridge/phone'),
    privacy: require('ucp-crm-bridge/privacy'),
    testing: require('ucp-crm-bridge/testing'),
  }),
).catch((error) => {
  console.error(error)
  process.exitCode = 1
})
