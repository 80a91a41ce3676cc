// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = fileURLToPath(new URL('../src/', import.meta.url))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

/** Which folders of src/ each folder imports from ('.' is src/ itself: the composition root). */
function folderImports(): Map<string, Set<string>> {
  const imports = new Map<string, Set<string>>()
  for (const file of sourceFiles(src)) {
    const folder = relative(src, dirname(file)) || '.'
    for (const [, path] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
      const target = relative(src, dirname(resolve(dirname(file), path!))) || '.'
      if (target === folder) continue
      if (!imports.has(folder)) imports.set(folder, new Set())
      imports.get(folder)!.add(target)
    }
  }
  return imports
}

/** A chain of folders that leads back to where it started, if there is one. */
function findCycle(imports: Map<string, Set<string>>): string[] | undefined {
  const visit = (folder: string, path: string[]): string[] | undefined => {
    for (const next of imports.get(folder) ?? []) {
      if (path.includes(next)) return [...path.slice(path.indexOf(next)), next]
      const cycle = visit(next, [...path, next])
      if (cycle) return cycle
    }
    return undefined
  }
  for (const folder of imports.keys()) {
    const cycle = visit(folder, [folder])
    if (cycle) return cycle
  }
  return undefined
}

describe('the layout of src/', () => {
  it('has no folders that import each other, directly or round a chain', () => {
    expect(findCycle(folderImports())).toBeUndefined()
  })

  it('is wired together at its root only: no folder but the React entry imports src/ itself', () => {
    const importers = [...folderImports()].filter(([, targets]) => targets.has('.'))
    expect(importers.map(([folder]) => folder)).toEqual(['react'])
  })
})
