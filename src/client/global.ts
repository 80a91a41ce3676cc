// The script-tag client's entry, built by scripts/buildClientGlobal.mjs into `dist/client.global.js`:
// a classic script for CRM pages built without a bundler. It defines `window.UcpCrmClient` with
// exactly these two. Not part of the package's module entries: nothing imports it.
import { CrmClientError } from './CrmClientError.js'
import { createCrmClient } from './createCrmClient.js'

// Assigned rather than exported through esbuild's `globalName`, whose export helpers cost 200 B.
;(window as unknown as Record<string, unknown>).UcpCrmClient = { createCrmClient, CrmClientError }
