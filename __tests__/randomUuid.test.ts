import { afterEach, describe, expect, it, vi } from 'vitest'
import { randomUuid } from '../src/randomUuid'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A crypto without randomUUID, as a page on plain http has; its bytes from `fill`, if given. */
function withoutRandomUuid(fill?: number) {
  const real = globalThis.crypto
  vi.stubGlobal('crypto', {
    getRandomValues: <T extends ArrayBufferView>(array: T): T =>
      fill === undefined
        ? real.getRandomValues(array)
        : ((array as unknown as Uint8Array).fill(fill), array),
  })
}

afterEach(() => vi.unstubAllGlobals())

describe('randomUuid', () => {
  it('makes distinct UUID v4s from crypto.randomUUID, in a secure context', () => {
    const ids = Array.from({ length: 1_000 }, randomUuid)
    for (const id of ids) expect(id).toMatch(UUID_V4)
    expect(new Set(ids).size).toBe(1_000)
  })

  it('makes distinct UUID v4s from crypto.getRandomValues where randomUUID is missing (plain http)', () => {
    withoutRandomUuid()
    const ids = Array.from({ length: 1_000 }, randomUuid)
    for (const id of ids) expect(id).toMatch(UUID_V4)
    expect(new Set(ids).size).toBe(1_000)
  })

  it('sets the version and variant bits whatever the random bytes are', () => {
    for (const fill of [0x00, 0xff]) {
      withoutRandomUuid(fill)
      expect(randomUuid()).toMatch(UUID_V4)
    }
  })
})
