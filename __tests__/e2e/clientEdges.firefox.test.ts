// The client in Firefox, with real cross-origin frames: see trust/clientCases.ts.
import { firefoxDriver } from './drivers/firefox'
import { clientCases } from './trust/clientCases'
import { describeTrust } from './trust/describeTrust'

describeTrust('firefox', firefoxDriver, clientCases, 'the client')
