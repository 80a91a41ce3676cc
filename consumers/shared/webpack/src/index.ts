// A UCP bundle made by webpack 5 and ts-loader: each entry imported as ES modules, and the core
// also required by CommonJS code (legacy.cjs), as older UCP code does.
import { configureStore } from '@reduxjs/toolkit'
import { CrmBridgeError, createCrmBridge, crmReducers } from 'ucp-crm-bridge'
import { createCrmClient } from 'ucp-crm-bridge/client'
import { e164Destination } from 'ucp-crm-bridge/phone'
import { CrmFrames } from 'ucp-crm-bridge/react'
// The script-tag client, for CRM pages with no bundler: an asset/resource rule emits it (build.mjs).
import crmClientScriptUrl from 'ucp-crm-bridge/client.global.js'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const legacy = require('./legacy.cjs') as { CrmBridgeError: typeof CrmBridgeError }

const crm = createCrmBridge({
  telephony: { dial: () => undefined },
  normalizeDestination: e164Destination({ defaultCountry: 'US' }),
})
export const store = configureStore({
  reducer: crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
})
export { CrmFrames, createCrmClient }
export const oneCopy = legacy.CrmBridgeError === CrmBridgeError
export const crmClientScript: string = crmClientScriptUrl
