// The demo in WebKitGTK (WebKitWebDriver and selenium-webdriver, on its own Xvfb display), and its
// console, which WebKitWebDriver cannot read, through MiniBrowser on its own.
import { describe, expect, it } from 'vitest'
import { startDemoServer } from '../../docs/demo/server.mjs'
import { describeEngine } from './support/describeEngine'
import { readMiniBrowserConsole } from './support/miniBrowserConsole'
import { webkitDriver } from './drivers/webkit'

describeEngine('webkit', webkitDriver)

describe('webkit: the console, read from MiniBrowser', () => {
  it('shows no error and no warning through an SSO redirect, a foreign origin and back, a reload, a sandboxed frame and closing tabs', async () => {
    const server = await startDemoServer()
    try {
      const lines = await readMiniBrowserConsole(
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
})
