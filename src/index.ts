// The public API, named one by one: what is not here is internal.

export { createCrmBridge } from './createCrmBridge.js'
export type {
  CrmBridge,
  CrmBridgeOptions,
  CrmCloseTabThunk,
  CrmMessageActions,
  CrmMessageDefinitions,
} from './types.js'
export { crmReducers } from './crmReducers.js'
export type { CrmRootState, CrmStore } from './crmReducers.js'
export { CrmBridgeError } from './CrmBridgeError.js'
export type { CrmBridgeErrorCode } from './CrmBridgeError.js'
export type { CrmErrorHandler, CrmErrorInfo, CrmErrorRaisedBy } from './onError.js'

// The message's way in: who may send, how a number is read, the frames, and the request actions.
export type { CrmAllowedOrigins, CrmGrants } from './bridge/originPolicy.js'
export type { CrmFrameRegistry } from './bridge/createFrameRegistry.js'
export { dialAsShown, keepLeadingPlus, stripNonDigits } from './bridge/normalizeDestination.js'
export type {
  CrmDestinationNormalizer,
  CrmNormalizedDestination,
} from './bridge/normalizeDestination.js'
export {
  createCrmMessageAction,
  crmCloseRejected,
  crmCloseRequested,
  crmMakeCallRequested,
} from './bridge/requestActions.js'
export type {
  CrmCloseRejectedPayload,
  CrmMessageActionCreator,
  CrmRequestSender,
} from './bridge/requestActions.js'
export type {
  CrmCloseRequestPayload,
  CrmMakeCallPayload,
  CrmRequestMeta,
  CrmSender,
} from './bridge/types.js'

// What becomes of a request: the host's callbacks, and what they are told.
export type { CrmLogger } from './listeners/warnings.js'
export type { CrmBridgeStats } from './listeners/stats.js'
export type {
  CrmCanClose,
  CrmCloseCheck,
  CrmDialContext,
  CrmMessageContext,
  CrmMessageDefinition,
  CrmMessageOutcome,
  CrmOutcomeListener,
  CrmPostedAnswer,
  CrmRejection,
  CrmStoreAccess,
  CrmTelephony,
} from './listeners/types.js'

// The tabs.
export {
  crmTabActivated,
  crmTabClosed,
  crmTabOpened,
  crmTabRetitled,
  crmTabsReducer,
} from './crmTabs/crmTabsSlice.js'
export {
  selectActiveCrmTab,
  selectActiveCrmTabId,
  selectCrmTabById,
  selectCrmTabIds,
  selectCrmTabs,
} from './crmTabs/selectors.js'
export type { CrmTabsRootState } from './crmTabs/selectors.js'
export { isCrmTabUrl } from './crmTabs/tabUrl.js'
export type { CrmTab, CrmTabOpenInput, CrmTabsState } from './crmTabs/types.js'

// The calls.
export {
  CRM_CALL_HISTORY_LIMIT,
  crmCallConnected,
  crmCallEnded,
  crmCallPlaced,
  crmCallRinging,
  crmCallsReducer,
  crmDialFailed,
  crmDialStarted,
} from './crmCalls/crmCallsSlice.js'
export type { CrmCallEvent } from './crmCalls/crmCallsSlice.js'
export {
  selectActiveCrmCallOfTab,
  selectCrmCallById,
  selectCrmCalls,
  selectCrmCallsOfTab,
} from './crmCalls/selectors.js'
export type { CrmCallsRootState } from './crmCalls/selectors.js'
export type {
  CrmCallEndReason,
  CrmCallError,
  CrmCallRequest,
  CrmCallsState,
  CrmCallStatus,
} from './crmCalls/types.js'

// The wire, shared with `ucp-crm-bridge/client`.
export type {
  CrmBuiltInType,
  CrmCallLiveStatus,
  CrmCloseTabMessage,
  CrmCustomMessage,
  CrmHelloRequestMessage,
  CrmMessageSpec,
  CrmProtocol,
  CrmMakeCallMessage,
  CrmMessageType,
  CrmRejectReason,
  CrmRequestFields,
  CrmResultType,
  CrmToUcpMessage,
  UcpCallStatusMessage,
  UcpHelloCall,
  UcpHelloMessage,
  UcpResultMessage,
  UcpToCrmMessage,
} from './protocol/types.js'
