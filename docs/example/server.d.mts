export interface ExampleServer {
  /** The UCP host page's origin, `http://127.0.0.1:PORT`. */
  hostOrigin: string
  /** The CRM pages' origin, `http://localhost:PORT`: same server, another origin. */
  crmOrigin: string
  /** A second port, `http://localhost:OTHER_PORT`: an origin no CRM tab is allowed to use. */
  foreignOrigin: string
  close(): Promise<void>
}

/** Bundles docs/example/host.ts and serves the example; `port: 0` (the default) picks a free port. */
export function startExampleServer(options?: { port?: number }): Promise<ExampleServer>
