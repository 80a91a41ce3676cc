// Issue 10's host-side items in Chromium, with real cross-origin frames: see trust/trustCases.ts.
import { chromiumDriver } from './drivers/chromium'
import { describeTrust } from './trust/describeTrust'

describeTrust('chromium', chromiumDriver)
