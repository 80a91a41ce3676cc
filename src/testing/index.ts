// ucp-crm-bridge/testing: for UCP's own tests, a CRM frame's messages delivered as the browser
// would, and what UCP posted back. Built on the bridge's public registry; never in the core.

export { simulateCrmMessage } from './simulateCrmMessage.js'
export type { SimulateCrmMessageOptions } from './simulateCrmMessage.js'
export { recordCrmReplies } from './recordCrmReplies.js'
export type { CrmReplyRecorder } from './recordCrmReplies.js'
