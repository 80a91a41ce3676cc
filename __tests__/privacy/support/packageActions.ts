/// <reference types="vite/client" />
// Every action type the package can dispatch, found in its source rather than listed by hand, so
// that a new action cannot escape the sanitizer tests. Needs `recordingToolkit` installed.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { made } from './recordingToolkit'

// Every module of the package, loaded, entries and internals alike: each action-making call they
// make at load time is recorded.
import.meta.glob('../../../src/**/*.{ts,tsx}', { eager: true })

// Vitest runs from the repository's root (a module that uses import.meta.glob has no file URL).
const SRC = join(process.cwd(), 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  )
}

/** How many times the source's text calls each of RTK's action-making functions. */
export function countCallsInSource(): typeof made.calls {
  const text = sourceFiles(SRC)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0
  return {
    // Less the factory of custom message types' creators, whose types are the host's: the
    // sanitizer tests cover them apart (`crm/${type}/requested`).
    createAction:
      count(/\bcreateAction\s*[<(]/g) - count(/\bcreateAction\(\s*`crm\/\$\{type\}\/requested`/g),

    createSlice: count(/\bcreateSlice\s*[<(]/g),
    createAsyncThunk: count(/\bcreateAsyncThunk\s*[<(]/g),
  }
}

/** How many calls of each kind the source made as it loaded. */
export const callsMadeOnLoad = { ...made.calls }

/** Every action type the package defines, sorted. */
export const PACKAGE_ACTION_TYPES: string[] = [...made.types].sort()
