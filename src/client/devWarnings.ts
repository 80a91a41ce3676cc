// The client's development warnings. Each call site is guarded by
// `process.env.NODE_ENV !== 'production'`, so production bundles drop this module whole.
import { nearest } from '../protocol/nearest.js'

const PREFIX = '[ucp-crm-bridge/client]'

/** Warns of each key of `options` the client does not know, naming the one it most likely meant. */
export function warnUnknownOptions(options: object | undefined): void {
  const known = ['parentOrigin', 'timeout', 'readyTimeout', 'window']
  for (const key of Object.keys(options ?? {})) {
    if (!known.includes(key)) {
      console.warn(
        `${PREFIX} createCrmClient(): unknown option '${key}' is ignored; did you mean '${nearest(key, known)}'?`,
      )
    }
  }
}

/** Warns that UCP's hello came from `origin`, which is none of `parentOrigin`. */
export function warnParentOriginMismatch(origin: string, parentOrigin: unknown[]): void {
  console.warn(
    `${PREFIX} UCP's hello came from ${origin}, which is not in parentOrigin (${parentOrigin.join(', ')}): the client ignores it, and everything UCP posts from there. If ${origin} is UCP, add it to parentOrigin.`,
  )
}
