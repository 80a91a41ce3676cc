import { launchChromium } from '../../../scripts/launchChromium.mjs'
import { playwrightDriver } from './playwright'
import type { EngineDriver } from './types'

/** Chromium (Debian's, Playwright's or CHROMIUM_PATH's) through playwright-core. */
export async function chromiumDriver(): Promise<EngineDriver> {
  return playwrightDriver('chromium', await launchChromium())
}
