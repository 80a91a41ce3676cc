// Issue 10's host-side items in Firefox, with real cross-origin frames: see trust/trustCases.ts.
import { firefoxDriver } from './drivers/firefox'
import { describeTrust } from './trust/describeTrust'

describeTrust('firefox', firefoxDriver)
