/** The demo's origins, as the server injects them into the page (see server.mjs). */
export interface DemoConfig {
  shellOrigin: string
  /** Acme, the first sample CRM. */
  crmOrigin: string
  /** Globex, the second sample CRM. */
  secondCrmOrigin: string
  /** Where a CRM page goes to sign in: an origin that no tab may send from. */
  identityOrigin: string
}

export function readDemoConfig(): DemoConfig {
  const text = document.getElementById('demo-config')?.textContent
  if (!text) throw new Error('No #demo-config in the page: start the demo with `npm start`')
  return JSON.parse(text) as DemoConfig
}
