import { version as reactVersion } from 'react'
import { version as reactDomVersion } from 'react-dom'
import { describe, expect, it } from 'vitest'

// The React entry's peer range is ^18 || ^19, and the tests of __tests__/react/ run under each: the
// `unit` project with React 19, the `react18` project with React 18 (see vitest.config.ts). Were an
// alias lost, that second run would quietly test React 19 again: this fails instead.
describe('the React the tests run under', () => {
  it('is the major version the project names, for react and react-dom alike', () => {
    const major = process.env.REACT_MAJOR
    expect(major).toMatch(/^1[89]$/)
    expect(reactVersion.split('.')[0]).toBe(major)
    expect(reactDomVersion.split('.')[0]).toBe(major)
  })
})
