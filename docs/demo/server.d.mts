/** Where the demo is served: four origins on two ports of one server. */
export interface DemoServer {
  /** The UCP shell, `http://127.0.0.1:PORT`. */
  shellOrigin: string
  /** The Acme CRM pages, `http://localhost:PORT`: the same server, another origin. */
  crmOrigin: string
  /** The Globex CRM pages, `http://localhost:CRM_PORT`: a second CRM. */
  secondCrmOrigin: string
  /** The identity provider a CRM page may navigate to, `http://127.0.0.1:CRM_PORT`: no tab's origin. */
  identityOrigin: string
  close(): Promise<void>
}

/** Builds the demo shell with Vite and serves it; ports 0 (the default) pick free ports. */
export function startDemoServer(options?: { port?: number; crmPort?: number }): Promise<DemoServer>
