// Redux Toolkit with its three action-making functions wrapped, so that every action type the
// package's source makes as its modules load is recorded: the list the sanitizer tests run over.
// Installed by `vi.mock('@reduxjs/toolkit', …)` in the test file, before any module loads.
import { join, sep } from 'node:path'
import type * as Toolkit from '@reduxjs/toolkit'

type Kind = 'createAction' | 'createSlice' | 'createAsyncThunk'

/** What the source made: the action types, and how many calls of each kind it made. */
export const made = {
  types: new Set<string>(),
  calls: { createAction: 0, createSlice: 0, createAsyncThunk: 0 } as Record<Kind, number>,
}

const SRC = join(process.cwd(), 'src') + sep

/** Whether the package's source made the call, rather than a test's own store. */
function calledFromSource(): boolean {
  return (new Error().stack ?? '').split('\n').some((frame) => frame.includes(SRC))
}

function record(kind: Kind, types: string[]): void {
  if (!calledFromSource()) return
  made.calls[kind]++
  for (const type of types) made.types.add(type)
}

export function recordingToolkit(rtk: typeof Toolkit): typeof Toolkit {
  const createAction = ((...args: Parameters<typeof rtk.createAction>) => {
    const creator = rtk.createAction(...args)
    record('createAction', [creator.type])
    return creator
  }) as typeof rtk.createAction
  const createSlice = ((...args: Parameters<typeof rtk.createSlice>) => {
    const slice = rtk.createSlice(...args)
    record(
      'createSlice',
      Object.values(slice.actions).map((creator) => (creator as { type: string }).type),
    )
    return slice
  }) as typeof rtk.createSlice
  const createAsyncThunk = ((...args: Parameters<typeof rtk.createAsyncThunk>) => {
    const thunk = rtk.createAsyncThunk(...args)
    record('createAsyncThunk', [thunk.pending.type, thunk.fulfilled.type, thunk.rejected.type])
    return thunk
  }) as unknown as typeof rtk.createAsyncThunk
  return { ...rtk, createAction, createSlice, createAsyncThunk }
}
