// The client in Chromium, with real cross-origin frames: see trust/clientCases.ts.
import { chromiumDriver } from './drivers/chromium'
import { clientCases } from './trust/clientCases'
import { describeTrust } from './trust/describeTrust'

describeTrust('chromium', chromiumDriver, clientCases, 'the client')
