/**
 * `record` without its `undefined` fields, in the same order. An absent field stays absent (never
 * `key: undefined`), so that actions, state and posted messages survive a JSON round trip
 * unchanged. A copy built field by field, never `delete`, which would slow every later read.
 */
export function definedOnly<T extends object>(record: T): T {
  const copy = {} as T
  for (const key in record) if (record[key] !== undefined) copy[key] = record[key]
  return copy
}
