/// <reference types="vite/client" />
// Every action type the package can dispatch, found in its source rather than listed by hand, so
// that a new action cannot escape the sanitizer tests.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// Vitest runs from the repository's root (a module that uses import.meta.glob has no file URL).
const SRC = join(process.cwd(), 'src')

// Every module of the package, loaded: its exports are searched for action creators.
const modules = import.meta.glob<Record<string, unknown>>('../../../src/**/*.{ts,tsx}', {
  eager: true,
})

interface ActionCreatorLike {
  type: string
  match: (action: unknown) => boolean
}

function isActionCreator(value: unknown): value is ActionCreatorLike {
  return (
    typeof value === 'function' &&
    typeof (value as Partial<ActionCreatorLike>).type === 'string' &&
    typeof (value as Partial<ActionCreatorLike>).match === 'function'
  )
}

function isSlice(value: unknown): value is { name: string; actions: Record<string, unknown> } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { reducer?: unknown }).reducer === 'function' &&
    typeof (value as { actions?: unknown }).actions === 'object'
  )
}

/** An async thunk's lifecycle creators (a thunk, or an object of its three creators). */
function isThunkLifecycle(value: unknown): value is Record<
  'pending' | 'fulfilled' | 'rejected',
  ActionCreatorLike
> & {
  typePrefix: string
} {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false
  const thunk = value as Record<string, unknown>
  return (
    typeof thunk.typePrefix === 'string' &&
    isActionCreator(thunk.pending) &&
    isActionCreator(thunk.fulfilled) &&
    isActionCreator(thunk.rejected)
  )
}

/** What the exports of every module define, by the kind of RTK call that made it. */
function scanExports() {
  const standalone = new Set<string>()
  const slices = new Map<string, string[]>()
  const thunks = new Map<string, string[]>()
  for (const exports of Object.values(modules)) {
    for (const value of Object.values(exports)) {
      if (isSlice(value)) {
        slices.set(
          value.name,
          Object.values(value.actions)
            .filter(isActionCreator)
            .map((a) => a.type),
        )
      } else if (isThunkLifecycle(value)) {
        const { pending, fulfilled, rejected } = value
        thunks.set(value.typePrefix, [pending.type, fulfilled.type, rejected.type])
      } else if (isActionCreator(value)) standalone.add(value.type)
    }
  }
  // A slice's creators are exported one by one as well: they are the slice's, not standalone.
  for (const types of slices.values()) for (const type of types) standalone.delete(type)
  return { standalone, slices, thunks }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  )
}

/** How many times the source calls each of RTK's action-making functions. */
export function countCallsInSource(): {
  createAction: number
  createSlice: number
  createAsyncThunk: number
} {
  const text = sourceFiles(SRC)
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n')
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0
  return {
    createAction: count(/\bcreateAction\s*[<(]/g),
    createSlice: count(/\bcreateSlice\s*[<(]/g),
    createAsyncThunk: count(/\bcreateAsyncThunk\s*[<(]/g),
  }
}

export const packageActions = scanExports()

/** Every action type the package defines, sorted. */
export const PACKAGE_ACTION_TYPES: string[] = [
  ...packageActions.standalone,
  ...[...packageActions.slices.values()].flat(),
  ...[...packageActions.thunks.values()].flat(),
].sort()
