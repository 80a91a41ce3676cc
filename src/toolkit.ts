// Redux Toolkit's functions for the slices, the request actions and the middleware, imported here
// once. A bundler leaves a peer dependency external and writes one import statement of it for every
// module that imports it: importing through one module keeps that to one statement in a host's
// bundle. The selectors' own are apart (toolkitSelectors.ts), so that the React entry, which takes
// the selectors alone, imports nothing it does not use.
export { createAction, createListenerMiddleware, createSlice, original } from '@reduxjs/toolkit'
