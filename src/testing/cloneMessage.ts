/**
 * A copy of `data` as `postMessage` delivers it: `structuredClone`'s, where the environment has it.
 * Jest's jsdom has none, so there plain data (what the protocol's messages are: objects, arrays,
 * strings, numbers, booleans, `null`, `undefined`, dates) is copied by hand, and anything else
 * throws rather than arrive changed. A function or a symbol throws a `DataCloneError`, as the
 * browser's `postMessage` does.
 */
export function cloneMessage(data: unknown): unknown {
  return typeof structuredClone === 'function' ? structuredClone(data) : copy(data, new Map())
}

function copy(value: unknown, copies: Map<object, unknown>): unknown {
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw new DOMException(`${String(value)} could not be cloned.`, 'DataCloneError')
  }
  if (typeof value !== 'object' || value === null) return value
  if (copies.has(value)) return copies.get(value) // a cycle, kept as the browser keeps it
  if (value instanceof Date) return new Date(value.getTime())
  const proto: unknown = Object.getPrototypeOf(value)
  const array = Array.isArray(value)
  if (!array && proto !== null && Object.getPrototypeOf(proto) !== null) {
    throw new TypeError(
      'ucp-crm-bridge/testing: this environment has no structuredClone, and without it only plain data (objects, arrays, primitives, dates) is copied',
    )
  }
  const out: Record<string, unknown> = array ? ([] as unknown as Record<string, unknown>) : {}
  copies.set(value, out)
  for (const key of Object.keys(value))
    out[key] = copy((value as Record<string, unknown>)[key], copies)
  return out
}
