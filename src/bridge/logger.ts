/** Where the bridge writes its development warnings. `console` fits. */
export interface CrmLogger {
  warn(...args: unknown[]): void
}

declare const process: { env: { NODE_ENV?: string } }

/** `true` in development builds: bundlers replace `process.env.NODE_ENV`; plain browsers have none. */
export function isDevelopmentBuild(): boolean {
  try {
    return process.env.NODE_ENV !== 'production'
  } catch {
    return false
  }
}

/** Warnings per reason code before the bridge goes quiet about that reason. */
export const WARNINGS_PER_REASON = 3

/**
 * A warner that stops after {@link WARNINGS_PER_REASON} lines per key and says so once, so a
 * chatty script cannot flood the console. It is handed reason codes and origins only: never the
 * message's data, so never a phone number.
 */
export function createCappedWarner(logger: CrmLogger | undefined) {
  const counts = new Map<string, number>()
  return (key: string, text: string): void => {
    if (!logger) return
    const count = (counts.get(key) ?? 0) + 1
    counts.set(key, count)
    if (count > WARNINGS_PER_REASON + 1) return
    try {
      if (count <= WARNINGS_PER_REASON) logger.warn(`[ucp-crm-bridge] ${text}`)
      else logger.warn(`[ucp-crm-bridge] further '${key}' warnings are suppressed`)
    } catch {
      // A broken logger must not break message handling.
    }
  }
}
