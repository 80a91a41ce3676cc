import type { Browser, Frame, Page } from 'playwright-core'
import type { FloodSnapshot } from './floodHost'
import type { FloodServer } from './floodServer.mjs'

export interface FloodPage {
  page: Page
  /** The tab's iframe, on the CRM origin. */
  crmFrame: Frame
  /** Errors thrown in the host page. */
  errors: string[]
  snapshot(): Promise<FloodSnapshot>
  flood(count: number, data: unknown, frame?: Frame): Promise<number>
  afterHandled(count: number): Promise<FloodSnapshot>
  afterRejections(count: number): Promise<FloodSnapshot>
  close(): Promise<void>
}

export function openFloodPage(
  browser: Browser,
  server: FloodServer,
  mode: 'bridge' | 'bare',
): Promise<FloodPage>
