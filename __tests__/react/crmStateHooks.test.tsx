import { act, cleanup, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import {
  crmCallConnected,
  crmCallEnded,
  crmTabActivated,
  crmTabClosed,
  selectCrmCalls,
  type CrmTab,
} from 'ucp-crm-bridge'
import {
  CrmFrames,
  useActiveCrmTab,
  useCrmCalls,
  useCrmCallsOfTab,
  useCrmTabs,
} from 'ucp-crm-bridge/react'

import { frameOf, setupReactBridge } from './support/renderWithBridge'

afterEach(cleanup)

function Summary() {
  const tabs = useCrmTabs()
  const active = useActiveCrmTab()
  const calls = useCrmCalls()
  return (
    <dl>
      <dt>tabs</dt>
      <dd data-testid="tabs">{tabs.map((tab) => tab.title).join(', ')}</dd>
      <dt>active</dt>
      <dd data-testid="active">{active?.title ?? 'none'}</dd>
      <dt>calls</dt>
      <dd data-testid="calls">
        {calls.map((call) => `${call.destination} ${call.status}`).join(', ')}
      </dd>
    </dl>
  )
}

describe('the state hooks', () => {
  it('follow the open tabs and the active tab', () => {
    const bridge = setupReactBridge({ strict: true })
    const { getByTestId } = bridge.renderUi(<Summary />)
    expect(getByTestId('tabs').textContent).toBe('')
    expect(getByTestId('active').textContent).toBe('none')

    let contact!: CrmTab
    act(() => void (contact = bridge.openTab(undefined, 'Contact 42')))
    act(() => void bridge.openTab('https://crm.example.com/deals', 'Deals'))
    expect(getByTestId('tabs').textContent).toBe('Contact 42, Deals')
    expect(getByTestId('active').textContent).toBe('Deals')

    act(() => void bridge.store.dispatch(crmTabActivated({ id: contact.id })))
    expect(getByTestId('active').textContent).toBe('Contact 42')
    act(() => void bridge.store.dispatch(crmTabClosed({ id: contact.id })))
    expect(getByTestId('tabs').textContent).toBe('Deals')
    expect(getByTestId('active').textContent).toBe('Deals')
  })

  it('follow the call history from request to outcome', async () => {
    const bridge = setupReactBridge({ strict: true })
    let connect!: () => void
    bridge.dial.mockImplementation(() => new Promise<void>((resolve) => (connect = resolve)))
    const tab = bridge.openTab()
    const { getByTestId } = bridge.renderUi(
      <>
        <CrmFrames />
        <Summary />
      </>,
    )

    act(() =>
      bridge.post(
        { type: 'MAKE_CALL', payload: { destination: '+1 (555) 123-4567' } },
        frameOf(tab.id),
      ),
    )
    expect(getByTestId('calls').textContent).toBe('15551234567 dialing')
    await act(async () => connect())
    expect(getByTestId('calls').textContent).toBe('15551234567 placed')
  })
})

describe('useCrmCallsOfTab', () => {
  it('gives a tab’s calls for its badge, and re-renders it for its own tab’s calls only', async () => {
    const bridge = setupReactBridge({ strict: true })
    const a = bridge.openTab('https://crm.example.com/a')
    const b = bridge.openTab('https://crm.example.com/b')
    const renders = { [a.id]: 0, [b.id]: 0 }
    function Badge({ tabId }: { tabId: string }) {
      renders[tabId]!++
      const calls = useCrmCallsOfTab(tabId)
      return <span data-testid={tabId}>{calls.map((call) => call.status).join(' ')}</span>
    }
    const { getByTestId } = bridge.renderUi(
      <>
        <CrmFrames />
        <Badge tabId={a.id} />
        <Badge tabId={b.id} />
      </>,
    )
    const call = { type: 'MAKE_CALL', payload: { destination: '100' } }
    act(() => bridge.post(call, frameOf(a.id)))
    await waitFor(() => expect(getByTestId(a.id).textContent).toBe('placed'))

    const requestId = selectCrmCalls(bridge.store.getState())[0]!.requestId
    const before = renders[b.id]
    act(() => void bridge.store.dispatch(crmCallConnected({ requestId })))
    act(() => void bridge.store.dispatch(crmCallEnded({ requestId, reason: 'completed' })))
    expect(getByTestId(a.id).textContent).toBe('ended')
    expect(getByTestId(b.id).textContent).toBe('')
    expect(renders[b.id]).toBe(before)
  })
})
