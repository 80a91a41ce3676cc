import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer } from '../../../docs/demo/server.mjs'
import type { Engine, EngineDriver } from '../drivers/types'
import { scenarios } from '../scenarios'
import { demoUi } from './demoUi'

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
        // Nothing on the console, the browser's own lines included (a postMessage it dropped, say):
        // UCP posts only what a frame asked for. A scenario that sends UCP bad messages expects
        // the bridge's development warnings about them, and says so.
        const { errors, warnings: all } = await driver!.console()
        const warnings = all.filter((line) => !scenario.clientWarns?.test(line))
        expect(errors, 'errors on the console').toEqual([])
        if (!scenario.warns) expect(warnings, 'warnings on the console').toEqual([])
        else expect(warnings.length, `warnings: ${scenario.warns}`).toBeGreaterThan(0)
      })
    }
  })
}
