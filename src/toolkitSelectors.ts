// Redux Toolkit's functions for the selectors, imported here once: see toolkit.ts for why.
export { createEntityAdapter, createSelector } from '@reduxjs/toolkit'
