// The sanitizers' entry, under Jest 29 and 30 (CommonJS, through ts-jest) and Vitest (ES modules).
import { configureStore } from '@reduxjs/toolkit'
import { crmReducers, crmTabOpened } from 'ucp-crm-bridge'
import { redactCrmAction, redactCrmState } from 'ucp-crm-bridge/privacy'

test('redactCrmAction and redactCrmState hide the numbers of a tab opened by the core', () => {
  const store = configureStore({ reducer: crmReducers })
  const opened = store.dispatch(crmTabOpened({ url: 'https://crm.example.com/calls/15551234567' }))
  expect(redactCrmAction(opened).payload.url).toBe('https://crm.example.com/calls/[redacted]')
  const state = redactCrmState(store.getState())
  expect(state.crmTabs.entities[opened.payload.id]?.url).toBe(
    'https://crm.example.com/calls/[redacted]',
  )
})
