// The sanitizers' entry, ucp-crm-bridge/privacy: they fit DevTools and Sentry as they are, and the
// core entry no longer carries them.
import { configureStore, type DevToolsEnhancerOptions } from '@reduxjs/toolkit'
import { describe, expectTypeOf, it } from 'vitest'
import * as core from 'ucp-crm-bridge'
import { crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'

describe('ucp-crm-bridge/privacy', () => {
  it('fits DevTools as it is, and keeps the type of what it is given', () => {
    const devTools: DevToolsEnhancerOptions = {
      actionSanitizer: redactCrmAction,
      stateSanitizer: redactCrmState,
    }
    const store = configureStore({ reducer: crmReducers, devTools })
    expectTypeOf(redactCrmState(store.getState())).toEqualTypeOf(store.getState())
    const action = crmTabOpened({ url: 'https://crm.example.com' })
    expectTypeOf(redactCrmAction(action)).toEqualTypeOf(action)
  })

  it('is the only entry with the sanitizers: a host that does not import it does not pay for them', () => {
    expectTypeOf(core).not.toHaveProperty('redactCrmAction')
    expectTypeOf(core).not.toHaveProperty('redactCrmState')
  })
})
