// Call progress and UCP's own message types in Firefox, with real cross-origin frames: see trust/callCases.ts.
import { firefoxDriver } from './drivers/firefox'
import { callCases } from './trust/callCases'
import { describeTrust } from './trust/describeTrust'

describeTrust('firefox', firefoxDriver, callCases, 'call progress and custom messages')
