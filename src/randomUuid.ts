/**
 * A random UUID v4, as the spec's tab ids are (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`): the
 * browser's own `crypto.randomUUID()` in a secure context, else the same from
 * `crypto.getRandomValues`, which every browser and Node has even on plain http. A few lines of our
 * own instead of the `uuid` package, which cost the core 470 B min+gzip (docs/performance.md).
 */
export function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6]! & 0x0f) | 0x40 // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80 // the RFC's variant
  let hex = ''
  for (const byte of bytes) hex += (byte | 256).toString(16).slice(1)
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')
}
