// What the Node checks assert of the package's entries, however they were loaded (require.cjs,
// import.mjs): on a server, with no window, importing never throws and each entry does its job or
// fails as documented. The first argument picks the check: `entries` or `client`.
const assert = require('node:assert/strict')
const { configureStore } = require('@reduxjs/toolkit')
const { createElement } = require('react')
const { renderToString } = require('react-dom/server')
const { Provider } = require('react-redux')

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** Every entry imports with no window, and the core and the React entry work on a server. */
function entries({ core, client, react, phone, privacy, testing }) {
  assert.equal(typeof window, 'undefined')

  const crm = core.createCrmBridge({ telephony: { dial: () => undefined } })
  const store = configureStore({
    reducer: core.crmReducers,
    middleware: (getDefault) => getDefault().prepend(crm.middleware),
  })
  const tab = store.dispatch(core.crmTabOpened({ url: 'https://crm.example.com/1' })).payload
  assert.match(tab.id, UUID)
  assert.throws(
    () => crm.start(store),
    (error) => error instanceof core.CrmBridgeError && error.code === 'no-window',
  )

  // Server-side rendering of the React entry: the frames render; registering waits for a browser.
  const html = renderToString(
    createElement(
      Provider,
      { store },
      createElement(react.CrmBridgeProvider, { bridge: crm }, createElement(react.CrmFrames)),
    ),
  )
  assert.match(html, new RegExp(`<iframe[^>]*data-crm-tab-id="${tab.id}"`))
  assert.equal(typeof client.createCrmClient, 'function')
  assert.deepEqual(phone.e164Destination({ defaultCountry: 'GB' })('020 7946 0958'), {
    destination: '+442079460958',
  })

  // The sanitizers are their own entry's, and read the core's actions, from either build.
  assert.equal('redactCrmAction' in core, false)
  const call = core.crmMakeCallRequested(
    { destination: '15551234567' },
    { origin: 'https://crm.example.com', tabId: tab.id },
  )
  assert.equal(privacy.redactCrmAction(call).payload.destination, '•••••••••67')
  assert.equal(privacy.redactCrmState(store.getState()).crmTabs.ids[0], tab.id)

  // The testing entry loads on a server too, and says what it lacks there: a registered frame.
  assert.throws(
    () => testing.simulateCrmMessage(crm, tab.id, { type: 'CRM_HELLO' }),
    new RegExp(`no frame is registered for tab ${tab.id}`),
  )
  assert.equal(typeof testing.recordCrmReplies, 'function')
}

/** The client on a server: no parent to talk to, said the documented way, never a throw. */
async function clientWithoutWindow({ client }) {
  const page = client.createCrmClient({ parentOrigin: 'https://ucp.example.com' })
  const noParent = (error) => error instanceof client.CrmClientError && error.code === 'no-parent'
  await assert.rejects(page.ready, noParent)
  await assert.rejects(page.makeCall('+1 555 123 4567'), noParent)
  page.destroy()
}

module.exports = { entries, client: clientWithoutWindow }
