// Call progress and UCP's own message types in Chromium, with real cross-origin frames: see trust/callCases.ts.
import { chromiumDriver } from './drivers/chromium'
import { callCases } from './trust/callCases'
import { describeTrust } from './trust/describeTrust'

describeTrust('chromium', chromiumDriver, callCases, 'call progress and custom messages')
