/** Where the bridge writes its development warnings. `console` fits. */
export interface CrmLogger {
  warn(...args: unknown[]): void
}

/** Warnings per reason code in each {@link WARNING_PERIOD_MS}; the rest are counted, not written. */
const WARNINGS_PER_PERIOD = 3
const WARNING_PERIOD_MS = 60_000

// Separators as people write them: blanks, dots, brackets, hyphens and typographic dashes, the
// slash of '030/1234567', and the underscore a hostname puts in place of a blank.
const PHONE_LIKE = /\+?[\d(][\d\s()./_\u2010-\u2015-]*\d/g
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/

/**
 * Replaces anything that could be a phone number (a run of 7 or more digits, with the usual
 * separators) by `[redacted]`. IPv4 addresses and ports stay readable. Every log line goes through it.
 */
export function redactPhoneNumbers(text: string): string {
  return text.replace(PHONE_LIKE, (run) =>
    run.replace(/\D/g, '').length >= 7 && !IPV4.test(run) ? '[redacted]' : run,
  )
}

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
