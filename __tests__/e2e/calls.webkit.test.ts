// Call progress and UCP's own message types in WebKit, with real cross-origin frames: see trust/callCases.ts.
import { webkitDriver } from './drivers/webkit'
import { callCases } from './trust/callCases'
import { describeTrust } from './trust/describeTrust'

describeTrust('webkit', webkitDriver, callCases, 'call progress and custom messages')
