// @vitest-environment node
// The check that the docs on npm link only to what the package holds (scripts/checkDocLinks.mjs),
// on docs made for it; `npm run check:package` runs it on the real package.
import { describe, expect, it } from 'vitest'
import { brokenLinks } from '../../scripts/checkDocLinks.mjs'

const SHIPPED = ['README.md', 'docs/integration.md', 'docs/protocol.md', 'docs/images/demo.png']

describe('brokenLinks', () => {
  it('finds links, images, reference definitions and HTML to files that do not ship, with their lines', () => {
    const readme = [
      '# ucp-crm-bridge',
      'See [the demo](docs/demo/) and [the API](./docs/api/index.html).',
      '![the shell](docs/images/missing.png)',
      '[tests]: __tests__/e2e/',
      '<img src="docs/images/other.png">',
    ].join('\n')
    expect(brokenLinks([{ path: 'README.md', text: readme }], SHIPPED)).toEqual([
      { doc: 'README.md', line: 2, target: 'docs/demo/' },
      { doc: 'README.md', line: 2, target: './docs/api/index.html' },
      { doc: 'README.md', line: 3, target: 'docs/images/missing.png' },
      { doc: 'README.md', line: 4, target: '__tests__/e2e/' },
      { doc: 'README.md', line: 5, target: 'docs/images/other.png' },
    ])
  })

  it('reads a link from a doc in docs/ from that folder, and finds one that leaves it for nothing', () => {
    const text =
      '[protocol](protocol.md#make_call), [readme](../README.md), [demo](demo/server.mjs)'
    expect(brokenLinks([{ path: 'docs/integration.md', text }], SHIPPED)).toEqual([
      { doc: 'docs/integration.md', line: 1, target: 'demo/server.mjs' },
    ])
  })

  it('accepts shipped files and folders, URLs and anchors, and ignores what is in code', () => {
    const text = [
      '[guide](docs/integration.md), [images](docs/images/), ![x](docs/images/demo.png "demo")',
      '[npm](https://www.npmjs.com/), [mail](mailto:a@example.com), [up](#install)',
      '`[not a link](docs/demo/)`',
      '```md',
      '[an example](docs/demo/)',
      '```',
    ].join('\n')
    expect(brokenLinks([{ path: 'README.md', text }], SHIPPED)).toEqual([])
  })
})
