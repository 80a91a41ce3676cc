/**
 * `record` with `extension` added when there is one. An absent extension stays absent (not
 * `extension: undefined`), so actions and state survive a JSON round trip unchanged.
 */
export function withExtension<T extends object>(
  record: T,
  extension: string | undefined,
): T & { extension?: string } {
  return extension === undefined ? record : { ...record, extension }
}
