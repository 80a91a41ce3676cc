// Every entry's values and types, as a UCP codebase uses them. Compiled under each tsconfig.*.json;
// run.mjs copies it to entries.cts for node16 from CommonJS (this package is "type": "module").
import { configureStore, type DevToolsEnhancerOptions } from '@reduxjs/toolkit'
import {
  createCrmBridge,
  crmReducers,
  crmTabOpened,
  selectCrmTabs,
  type CrmBridgeOptions,
  type CrmTab,
} from 'ucp-crm-bridge'
import {
  CrmClientError,
  createCrmClient,
  type CrmClient,
  type CrmClientErrorCode,
} from 'ucp-crm-bridge/client'
import { e164Destination, type CrmE164Options } from 'ucp-crm-bridge/phone'
import { CrmFrames, useCrmTabs, type CrmFramesProps } from 'ucp-crm-bridge/react'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'
import { recordCrmReplies, simulateCrmMessage, type CrmReplyRecorder } from 'ucp-crm-bridge/testing'

const e164: CrmE164Options = { defaultCountry: 'US' }
const options: CrmBridgeOptions = {
  telephony: { dial: (destination: string) => destination },
  normalizeDestination: e164Destination(e164),
}
const crm = createCrmBridge(options)
const devTools: DevToolsEnhancerOptions = {
  actionSanitizer: redactCrmAction,
  stateSanitizer: redactCrmState,
}
const store = configureStore({
  reducer: crmReducers,
  middleware: (getDefault) => getDefault().prepend(crm.middleware),
  devTools,
})
const tab: CrmTab = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/1' })).payload
// @ts-expect-error the types are real, not `any`: a tab has no such field
export const nothing = tab.nothing
export const tabs: CrmTab[] = selectCrmTabs(store.getState())
export const closed: boolean = store.dispatch(crm.closeTab(tab.id))
export const client: CrmClient = createCrmClient({ parentOrigin: 'https://ucp.example.com' })
export const code: CrmClientErrorCode = new CrmClientError('timeout').code
export const frames: (props: CrmFramesProps) => unknown = CrmFrames
export const hook: () => CrmTab[] = useCrmTabs
export const delivered: () => MessageEvent = () =>
  simulateCrmMessage(crm, tab.id, { type: 'CRM_HELLO' }, { origin: 'https://crm.example.com' })
export const replies: () => CrmReplyRecorder = () => recordCrmReplies(crm, tab.id)
