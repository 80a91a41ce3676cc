import { combineReducers, type UnknownAction } from '@reduxjs/toolkit'
import { describe, expect, it } from 'vitest'
import { crmReducers, crmTabActivated } from 'ucp-crm-bridge'
import { setupBridge, settle, ucpReducers } from './support/harness'

// As Redux DevTools does when it jumps or toggles: the reducers alone, no middleware, no effects.
const replay = (actions: UnknownAction[]) => {
  const reducer = combineReducers({ ...ucpReducers, ...crmReducers })
  return actions.reduce(reducer, reducer(undefined, { type: '@@INIT' }))
}

async function recordSession() {
  const bridge = setupBridge({ allowedOrigins: ['https://partner.example'] })
  bridge.dial.mockImplementation((destination: string) =>
    destination === '666' ? Promise.reject(new Error('refused')) : Promise.resolve(),
  )
  const a = bridge.openTab('https://crm.example.com/a')
  const b = bridge.openTab('https://crm.example.com/b')
  const c = bridge.openTab('https://other.example/c')
  bridge.store.dispatch(crmTabActivated({ id: a.tab.id }))
  bridge.post(
    { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } },
    { frame: a.frame },
  )
  bridge.post({ type: 'MAKE_CALL', payload: { destination: '666' } }, { frame: b.frame })
  bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: c.tab.id } }, { frame: a.frame })
  bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: b.tab.id } }, { frame: a.frame })
  bridge.post({ type: 'CLOSE_CRM_TAB', payload: { id: 'gone' } }, { frame: c.frame })
  bridge.post({ type: 'CLOSE_CRM_TAB' }, { frame: c.frame, origin: 'https://partner.example' })
  await settle()
  bridge.crm.destroy()
  return bridge
}

describe('replay', () => {
  it('rebuilds the same state from the recorded actions through the reducers alone', async () => {
    const bridge = await recordSession()
    expect(bridge.types()).toContain('crm/closeRejected')
    expect(bridge.types()).toContain('crmCalls/dial/rejected')
    expect(replay(bridge.actions)).toEqual(bridge.store.getState())
  })

  it('rebuilds the same state after every action survives a JSON round trip', async () => {
    const bridge = await recordSession()
    const exported = JSON.parse(JSON.stringify(bridge.actions)) as UnknownAction[]
    expect(exported).toEqual(bridge.actions)
    expect(replay(exported)).toEqual(bridge.store.getState())
  })

  it('rebuilds each intermediate state when jumping back', async () => {
    const bridge = await recordSession()
    for (let n = 0; n <= bridge.actions.length; n++) {
      const prefix = bridge.actions.slice(0, n)
      expect(replay(prefix)).toEqual(replay(JSON.parse(JSON.stringify(prefix)) as UnknownAction[]))
    }
    expect(JSON.parse(JSON.stringify(bridge.store.getState()))).toEqual(bridge.store.getState())
  })
})
