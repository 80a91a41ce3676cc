import type { Browser } from 'playwright-core'

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. */
export const chromiumPath: string
/** Launches the system Chromium headless; throws, saying how to install it, when it is missing. */
export function launchChromium(): Promise<Browser>
