// The demo in WebKit: WebKitGTK (WebKitWebDriver and selenium-webdriver, on its own Xvfb display),
// or Playwright's own WebKit where that is the one found (scripts/browserEngines.mjs). WebKitGTK's
// console, which WebKitWebDriver cannot read, is read through MiniBrowser on its own; Playwright's
// WebKit reports every frame's console to its driver, which describeEngine checks after each scenario.
import { describe, expect, it } from 'vitest'
import { findEngine, thisMachine } from '../../scripts/browserEngines.mjs'
import { startDemoServer } from '../../docs/demo/server.mjs'
import { describeEngine } from './support/describeEngine'
import { readMiniBrowserConsole } from './support/miniBrowserConsole'
import { webkitDriver } from './drivers/webkit'

describeEngine('webkit', webkitDriver)

const webkit = findEngine('webkit', await thisMachine())

describe.skipIf(webkit.driver === 'playwright')(
  'webkit: the console, read from MiniBrowser',
  () => {
    it('shows no error and no warning through an SSO redirect, a foreign origin and back, a reload, a sandboxed frame, a call whose page left for another origin, and closing tabs', async () => {
      // A WebKit found nowhere fails here too, with what to install.
      if (webkit.driver !== 'webkitgtk') throw new Error('message' in webkit ? webkit.message : '')
      const server = await startDemoServer()
      try {
        const lines = await readMiniBrowserConsole(
          webkit,
          `${server.shellOrigin}/#quiet-tour`,
          /\[quiet-tour\] done|tour: /,
          40_000,
        )
        expect(lines, 'the tour ran to its end').toContainEqual(
          expect.stringContaining('[quiet-tour] done'),
        )
        // Each line is `CONSOLE LEVEL text`, after the source's URL and position when a script wrote it.
        const flagged = lines.filter((line) => /CONSOLE (\w+ )?(ERROR|WARN)/.test(line))
        expect(flagged).toEqual([])
      } finally {
        await server.close()
      }
    })
  },
)
