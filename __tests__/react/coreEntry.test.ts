// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../../src/', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

describe('the entries', () => {
  it('keep React out of everything but src/react, so the core entry never imports it', () => {
    const importsReact = /from '(react|react-dom|react-redux)(\/[^']*)?'/
    const offenders = sourceFiles(src)
      .filter((file) => !relative(src, file).startsWith('react/'))
      .filter((file) => importsReact.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
    expect(offenders).toEqual([])
  })

  it('keep libphonenumber-js out of everything but src/phone, so only ucp-crm-bridge/phone pays for it', () => {
    const importsPhoneLibrary = /from 'libphonenumber-js(\/[^']*)?'/
    const importers = sourceFiles(src)
      .filter((file) => importsPhoneLibrary.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
    expect(importers).toEqual(['phone/e164Destination.ts'])
  })

  it('import the core into src/react only through the core entry', () => {
    const deepImport = /from '\.\.\/(?!index\.js')[^']*'/
    const offenders = sourceFiles(join(src, 'react'))
      .filter((file) => deepImport.test(readFileSync(file, 'utf8')))
      .map((file) => relative(src, file))
    expect(offenders).toEqual([])
  })
})
