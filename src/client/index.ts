// `ucp-crm-bridge/client`: the CRM page's side. No Redux, no React: only the shared wire types.

export { createCrmClient } from './createCrmClient.js'
export { UNSAFE_ANY_PARENT_ORIGIN } from './optionRules.js'
export { CrmClientError } from './CrmClientError.js'
export type { CrmClientErrorCode } from './CrmClientError.js'
export type {
  CrmCallEnd,
  CrmCallHandle,
  CrmCallStatus,
  CrmClient,
  CrmClientHello,
  CrmClientOptions,
  CrmCustomType,
  CrmRequestArgs,
  CrmRequestOptions,
} from './types.js'
// Not CRM_PROTOCOL_VERSION: the client puts the version in every message itself, and the export
// adds 25 B to the entry as its budget measures it (the whole entry, min+gzip). The host's entry,
// `ucp-crm-bridge`, exports it.
export type {
  CrmBuiltInType,
  CrmCallEndReason,
  CrmCallLiveStatus,
  CrmCloseTabMessage,
  CrmHelloRequestMessage,
  CrmCustomMessage,
  CrmMakeCallMessage,
  CrmMessageSpec,
  CrmMessageType,
  CrmProtocol,
  CrmRejectReason,
  CrmToUcpMessage,
  UcpCallStatusMessage,
  UcpHelloCall,
  UcpHelloMessage,
  UcpResultMessage,
  UcpToCrmMessage,
} from '../protocol/types.js'
