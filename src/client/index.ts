// `ucp-crm-bridge/client`: the CRM page's side. No Redux, no React: only the shared wire types.

export { UNSAFE_ANY_PARENT_ORIGIN, createCrmClient } from './createCrmClient.js'
export { CrmClientError } from './CrmClientError.js'
export type { CrmClientErrorCode } from './CrmClientError.js'
export type { CrmClient, CrmClientHello, CrmClientOptions } from './types.js'
export { CRM_PROTOCOL_VERSION } from '../protocol/types.js'
export type {
  CrmCloseTabMessage,
  CrmHelloRequestMessage,
  CrmMakeCallMessage,
  CrmMessageType,
  CrmRejectReason,
  CrmToUcpMessage,
  UcpHelloMessage,
  UcpResultMessage,
  UcpToCrmMessage,
} from '../protocol/types.js'
