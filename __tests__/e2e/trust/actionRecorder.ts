// Every action the host's store is given, in order, as the reducers receive it: an end-to-end
// session that a test replays through the reducers alone (issue 18 item 8), as Redux DevTools would.
import type { Middleware, UnknownAction } from '@reduxjs/toolkit'

const recorded: UnknownAction[] = []

/** Last in the chain, so that it sees what reaches the reducers: the listeners' dispatches too. */
export const recordActions: Middleware = () => (next) => (action) => {
  recorded.push(action as UnknownAction)
  return next(action)
}

/** The session so far and the state it led to, as plain data (JSON, as DevTools exports them). */
export const recordedSession = (state: unknown) =>
  JSON.parse(JSON.stringify({ actions: recorded, state })) as {
    actions: UnknownAction[]
    state: Record<string, unknown>
  }
