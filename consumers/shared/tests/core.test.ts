// The core entry, under Jest 29 and 30 (CommonJS, through ts-jest) and Vitest (ES modules).
// Nothing in these projects is configured for the package.
import {
  CrmBridgeError,
  createCrmBridge,
  crmMakeCallRequested,
  crmTabOpened,
  selectCrmTabs,
} from 'ucp-crm-bridge'
import { bridgeAndStore } from './store'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

test('a store with the bridge opens a tab with a UUID (uuid loads)', () => {
  const { crm, store } = bridgeAndStore()
  const stop = crm.start(store)
  const tab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/1' })).payload
  expect(tab.id).toMatch(UUID)
  expect(selectCrmTabs(store.getState()).map((open) => open.url)).toEqual([tab.url])
  expect(crmMakeCallRequested.type).toBe('telephony/makeCallRequested')
  stop()
})

test('option errors are CrmBridgeErrors', () => {
  expect(() => createCrmBridge({ telephony: undefined as never })).toThrow(CrmBridgeError)
})
