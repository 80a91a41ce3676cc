// The public API, named one by one: what is not here is internal.

export { createCrmBridge } from './createCrmBridge.js'
export type { CrmBridge, CrmBridgeOptions } from './types.js'
export type { CrmAllowedOrigins } from './policy/originPolicy.js'
export type { CrmCanClose, CrmCloseCheck } from './listeners/types.js'
export { crmReducers } from './store/crmReducers.js'
export type { CrmRootState, CrmStore } from './store/types.js'

export {
  crmTabActivated,
  crmTabClosed,
  crmTabOpened,
  crmTabsReducer,
} from './crmTabs/crmTabsSlice.js'
export {
  selectActiveCrmTab,
  selectActiveCrmTabId,
  selectCrmTabById,
  selectCrmTabIds,
  selectCrmTabs,
} from './crmTabs/selectors.js'
export { isCrmTabUrl } from './crmTabs/tabUrl.js'
export type { CrmTab, CrmTabOpenInput, CrmTabsState } from './crmTabs/types.js'

export { CRM_CALL_HISTORY_LIMIT, crmCallsReducer } from './crmCalls/crmCallsSlice.js'
export { crmDial } from './crmCalls/dialThunk.js'
export type { CrmDialThunk } from './crmCalls/dialThunk.js'
export { selectCrmCallById, selectCrmCalls } from './crmCalls/selectors.js'
export type {
  CrmCallError,
  CrmCallRequest,
  CrmCallsState,
  CrmCallStatus,
  CrmDialArg,
  CrmDialContext,
  CrmTelephony,
} from './crmCalls/types.js'

export {
  crmCloseRejected,
  crmCloseRequested,
  crmMakeCallRequested,
} from './requests/requestActions.js'
export type { CrmCloseRejectedPayload } from './requests/requestActions.js'
export type {
  CrmCloseRequestPayload,
  CrmMakeCallPayload,
  CrmMessageType,
  CrmRejection,
  CrmRejectReason,
  CrmRequestMeta,
  CrmSender,
} from './requests/types.js'

export { dialAsShown, keepLeadingPlus, stripNonDigits } from './bridge/normalizeDestination.js'
export type {
  CrmDestinationNormalizer,
  CrmNormalizedDestination,
} from './bridge/normalizeDestination.js'
export type { CrmLogger } from './diagnostics/logger.js'
export type { CrmErrorHandler, CrmErrorInfo, CrmErrorRaisedBy } from './diagnostics/onError.js'
export type {
  CrmMessageOutcome,
  CrmOutcomeListener,
  CrmPostedAnswer,
} from './diagnostics/outcomes.js'
export type { CrmBridgeStats } from './diagnostics/stats.js'

export { redactCrmAction } from './privacy/redactCrmAction.js'
export { redactCrmState } from './privacy/redactCrmState.js'

export type { CrmFrameRegistry, CrmFrameRegistryChange } from './registry/types.js'

export { CRM_PROTOCOL_VERSION } from './protocol/types.js'
export type {
  CrmCloseTabMessage,
  CrmHelloRequestMessage,
  CrmMakeCallMessage,
  CrmRequestFields,
  CrmResultType,
  CrmToUcpMessage,
  UcpHelloMessage,
  UcpResultMessage,
  UcpToCrmMessage,
} from './protocol/types.js'

export { CrmBridgeError } from './errors/CrmBridgeError.js'
export type { CrmBridgeErrorCode } from './errors/CrmBridgeError.js'
