// What the client takes as `parentOrigin` and as a timeout.

/**
 * Pass it as `parentOrigin` to trust whatever page frames yours, as the spec's `'*'` does. Unsafe:
 * that page, UCP or not, reads every destination your page dials and may answer in UCP's name.
 *
 * @example
 * createCrmClient({ parentOrigin: UNSAFE_ANY_PARENT_ORIGIN }) // only where any parent may listen
 */
// Its value is its name, which the bundle holds anyway as the export's name: gzip stores it once.
export const UNSAFE_ANY_PARENT_ORIGIN = 'UNSAFE_ANY_PARENT_ORIGIN'

/** An exact origin, as a browser writes `event.origin` (the opaque `'null'` throws). */
export function isOrigin(value: unknown): boolean | undefined {
  try {
    return new URL(value as string).origin === value
  } catch {
    // not a URL
  }
}
/** A delay `setTimeout` keeps: larger ones overflow and fire at once. */
export const isDelay = (ms: unknown) => typeof ms == 'number' && ms > 0 && ms < 2 ** 31
