// import of every entry: Node's ES modules. The argument picks the check (see checks.cjs).
import checks from './checks.cjs'

await checks[process.argv[2]]({
  core: await import('ucp-crm-bridge'),
  client: await import('ucp-crm-bridge/client'),
  react: await import('ucp-crm-bridge/react'),
  phone: await import('ucp-crm-bridge/phone'),
  privacy: await import('ucp-crm-bridge/privacy'),
  testing: await import('ucp-crm-bridge/testing'),
})
