// Issue 10's host-side items in WebKit, with real cross-origin frames: see trust/trustCases.ts.
import { webkitDriver } from './drivers/webkit'
import { describeTrust } from './trust/describeTrust'

describeTrust('webkit', webkitDriver)
