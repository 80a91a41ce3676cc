import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Engine, EngineDriver } from '../drivers/types'
import { trustCases, type TrustCase, type TrustPage } from './trustCases'
import { startTrustServer, type TrustServer } from './trustServer.mjs'

/**
 * Runs every case (the trust cases unless told others) in one engine, each on a fresh load of its
 * host page. A failure is named `${engine}: ${title} > ${case}`. A missing browser fails the run:
 * never a skip.
 */
export function describeTrust(
  engine: Engine,
  launch: () => Promise<EngineDriver>,
  cases: TrustCase[] = trustCases,
  title = 'trust at the edges',
): void {
  describe(`${engine}: ${title}`, () => {
    let server: TrustServer | undefined
    let driver: EngineDriver | undefined

    beforeAll(async () => {
      server = await startTrustServer()
      driver = await launch()
    })
    afterAll(async () => {
      await driver?.close()
      await server?.close()
    })

    for (const trustCase of cases) {
      it(trustCase.name, async () => {
        const page: TrustPage = {
          driver: driver!,
          origins: server!.origins,
          async open(name, react = 19) {
            await driver!.open(server!.hostUrl(name, react))
            await expect
              .poll(() => driver!.evaluate(() => document.body.dataset.ready ?? '', null), {
                timeout: 10_000,
              })
              .toBe('true')
          },
          snapshot: () => driver!.evaluate(() => window.__trust.snapshot(), null),
          run: (fn, arg) => driver!.evaluate(fn, arg),
        }
        await trustCase.run(page)
        // Nothing on the console: what the engine reports (Chromium and Firefox: every frame's, the
        // browser's own lines included), and what the host page recorded of its own (all three).
        const { errors, warnings } = await driver!.console()
        expect(errors, 'errors on the console').toEqual([])
        const unexpected = warnings.filter((line) => !trustCase.warns?.test(line))
        expect(unexpected, 'warnings on the console').toEqual([])
        expect((await page.snapshot()).console, "the host page's console").toEqual({
          errors: [],
          warnings: [],
        })
      })
    }
  })
}
