// ucp-crm-bridge/privacy: the sanitizers that keep customers' numbers out of Redux DevTools, Sentry
// and LogRocket. An entry of their own, so that a host that does not use them does not ship them.

export { redactCrmAction } from './redactCrmAction.js'
export { redactCrmState } from './redactCrmState.js'
