import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../../docs/demo/server.mjs'
import type { Engine, EngineDriver } from '../drivers/types'
import { scenarios } from '../scenarios'
import { demoUi } from './demoUi'

// The bridge greets each tab frame with a hello aimed at the tab's origin each time it loads, also
// after it navigated elsewhere (the identity-provider scenario); the browser drops it there, as
// designed, and Firefox and Chromium say so on the console. Any other console error fails.
const droppedHello = /postMessage.+target origin provided/

/**
 * Runs every scenario in one engine, each on a fresh load of the demo. A failure is named
 * `${engine}: the UCP demo > ${scenario}`. A missing browser fails the run: never a skip.
 */
export function describeEngine(engine: Engine, launch: () => Promise<EngineDriver>): void {
  describe(`${engine}: the UCP demo`, () => {
    let server: DemoServer | undefined
    let driver: EngineDriver | undefined

    beforeAll(async () => {
      server = await startDemoServer()
      driver = await launch()
    })
    afterAll(async () => {
      await driver?.close()
      await server?.close()
    })

    for (const scenario of scenarios) {
      it(scenario.name, async () => {
        const ui = demoUi(driver!, `${server!.shellOrigin}/`)
        await ui.open()
        await scenario.run({ ui, driver: driver!, server: server! })
        expect((await ui.snapshot()).errors, 'errors thrown in the shell').toEqual([])
        const consoleErrors = driver!.consoleErrors().filter((text) => !droppedHello.test(text))
        expect(consoleErrors, 'errors on the console').toEqual([])
      })
    }
  })
}
