// Small guards that narrow untrusted message data from `unknown`. They read own data properties
// only: a getter, a Proxy trap or an inherited `__proto__` never runs or counts.

/** A marker for "the property exists but is not a plain data value". */
export const NOT_DATA: unique symbol = Symbol('not-data')

/** A plain object: `{}` literal or `Object.create(null)`, from any realm; not an array or class instance. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  // Structured clone makes objects of the receiving realm; a synthetic event may carry another's.
  return proto === null || Object.getPrototypeOf(proto) === null
}

/** The own data property `key` of `record`; `undefined` if absent; {@link NOT_DATA} for accessors. */
export function ownValue(record: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(record, key)
  if (descriptor === undefined) return undefined
  return 'value' in descriptor ? descriptor.value : NOT_DATA
}

/** A string no longer than `max` characters. */
export function isShortString(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= max
}
