import { redactPhoneNumbers } from '../redactPhoneNumbers.js'

/** Where the bridge writes its development warnings. `console` fits. */
export interface CrmLogger {
  warn(...args: unknown[]): void
}

/** Warnings per reason code in each {@link WARNING_PERIOD_MS}; the rest are counted, not written. */
const WARNINGS_PER_PERIOD = 3
const WARNING_PERIOD_MS = 60_000

/**
 * A warner that writes at most {@link WARNINGS_PER_PERIOD} lines per key and period, so a chatty
 * script cannot flood the console, and says how many it held back when it speaks again. A logger
 * that throws is told to `onLoggerError` and never breaks message handling.
 */
export function createRateLimitedWarner(
  logger: CrmLogger | undefined,
  onLoggerError: (error: unknown) => void = () => {},
  now = Date.now,
) {
  const periods = new Map<string, { start: number; written: number; held: number }>()
  return (key: string, text: string): void => {
    if (!logger) return
    const time = now()
    let period = periods.get(key)
    if (!period || time - period.start >= WARNING_PERIOD_MS) {
      const held = period?.held ?? 0
      period = { start: time, written: 0, held: 0 }
      periods.set(key, period)
      if (held > 0) text += ` (${held} more '${key}' warnings were held back)`
    }
    if (period.written >= WARNINGS_PER_PERIOD) {
      period.held++
      return
    }
    period.written++
    if (period.written === WARNINGS_PER_PERIOD)
      text += `; more '${key}' warnings are held back for a minute`
    try {
      logger.warn(`[ucp-crm-bridge] ${redactPhoneNumbers(text)}`)
    } catch (error) {
      onLoggerError(error)
    }
  }
}
