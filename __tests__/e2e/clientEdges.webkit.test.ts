// The client in WebKit, with real cross-origin frames: see trust/clientCases.ts. WebKitWebDriver
// reads no frame's console, so the wrong-parentOrigin page's console is read here from MiniBrowser,
// run on its own on the same host page, with every frame's console lines on its standard output.
import { describe, expect, it } from 'vitest'
import { findEngine, thisMachine } from '../../scripts/browserEngines.mjs'
import { webkitDriver } from './drivers/webkit'
import { readMiniBrowserConsole } from './support/miniBrowserConsole'
import { clientCases } from './trust/clientCases'
import { describeTrust } from './trust/describeTrust'
import { startTrustServer } from './trust/trustServer.mjs'

describeTrust('webkit', webkitDriver, clientCases, 'the client')

const webkit = findEngine('webkit', await thisMachine())

// Playwright's WebKit reports every frame's console to its driver, which the cases above check.
describe.skipIf(webkit.driver === 'playwright')(
  'webkit: the client told the wrong parentOrigin, its console read from MiniBrowser',
  () => {
    it('has ready reject parent-origin-mismatch, and exactly one warning naming both origins', async () => {
      // A WebKit found nowhere fails here too, with what to install.
      if (webkit.driver !== 'webkitgtk') throw new Error('message' in webkit ? webkit.message : '')
      const server = await startTrustServer()
      try {
        const lines = await readMiniBrowserConsole(
          webkit,
          server.hostUrl('clientWrongParent'),
          /\[client-page\] ready: /,
          30_000,
        )
        expect(lines).toContainEqual(
          expect.stringContaining('[client-page] ready: parent-origin-mismatch'),
        )
        // Each line is `CONSOLE LEVEL text`, after the source's URL and position when a script wrote it.
        const flagged = lines.filter((line) => /CONSOLE (\w+ )?(ERROR|WARN)/.test(line))
        const { host, crm } = server.origins
        expect(flagged).toEqual([
          expect.stringContaining(`hello came from ${host}, which is not in parentOrigin (${crm})`),
        ])
      } finally {
        await server.close()
      }
    })
  },
)
