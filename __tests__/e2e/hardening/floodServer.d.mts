export interface FloodServer {
  /** `http://127.0.0.1:PORT`, the host page's origin. */
  hostOrigin: string
  /** `http://localhost:PORT`, the CRM tab's origin. */
  crmOrigin: string
  /** `http://localhost:OTHER_PORT`, where a tab's frame may navigate. */
  elsewhereOrigin: string
  hostUrl(mode: 'bridge' | 'bare'): string
  close(): Promise<void>
}

/** Bundles floodHost.ts and serves the host and CRM pages on two origins of the loopback. */
export function startFloodServer(options?: { isolated?: boolean }): Promise<FloodServer>
