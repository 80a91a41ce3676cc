// `ucp-crm-bridge/client`: the CRM page's side. No Redux, no React: only the shared wire types.

export { UNSAFE_ANY_PARENT_ORIGIN, createCrmClient } from './createCrmClient.js'
export { CrmClientError } from './CrmClientError.js'
export type { CrmClientErrorCode } from './CrmClientError.js'
export type { CrmClient, CrmClientHello, CrmClientOptions } from './types.js'
// Not CRM_PROTOCOL_VERSION: the client puts the version in every message itself, and the export
// adds 25 B to the entry as its budget measures it (the whole entry, min+gzip). The host's entry,
// `ucp-crm-bridge`, exports it.
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
