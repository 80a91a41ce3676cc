export interface TrustOrigins {
  /** `http://127.0.0.1:PORT`, UCP's page. */
  host: string
  /** `http://localhost:PORT`, the CRM's pages. */
  crm: string
  /** `http://localhost:OTHER`, a second CRM. */
  secondCrm: string
  /** `http://127.0.0.1:OTHER`, where a CRM page may go: an identity provider, say. */
  elsewhere: string
}

export interface TrustServer {
  origins: TrustOrigins
  /** The host page set up for one case, with React 19 or 18. */
  hostUrl(name: string, react?: 18 | 19): string
  close(): Promise<void>
}

/**
 * Bundles trustHost.tsx with each React and serves it, the CRM relay page and a CRM page on the
 * real client, on four origins.
 */
export function startTrustServer(): Promise<TrustServer>
