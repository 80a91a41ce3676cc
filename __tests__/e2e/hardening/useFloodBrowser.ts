import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from '../../../scripts/launchChromium.mjs'
import { startFloodServer, type FloodServer } from './floodServer.mjs'

/** Starts the flood server and Chromium once for the calling test file, and stops them after. */
export function useFloodBrowser(): { server: FloodServer; browser: Browser } {
  const env = {} as { server: FloodServer; browser: Browser }
  beforeAll(async () => {
    env.server = await startFloodServer()
    env.browser = await launchChromium()
  })
  afterAll(async () => {
    await env.browser?.close()
    await env.server?.close()
  })
  return env
}
