// `ucp-crm-bridge/phone`: E.164 destinations through libphonenumber-js, an optional peer. Its own
// entry, so that a host that does not import it pays nothing for the metadata.

export { e164Destination } from './e164Destination.js'
export type { CrmE164Options } from './e164Destination.js'
