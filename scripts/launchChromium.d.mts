import type { Browser } from 'playwright-core'

/** Launches Chromium headless; throws, saying what to install, when there is none. */
export function launchChromium(): Promise<Browser>
