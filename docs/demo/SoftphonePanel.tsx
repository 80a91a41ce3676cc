import type { CrmCallStatus } from 'ucp-crm-bridge'
import { useCrmCalls } from 'ucp-crm-bridge/react'
import { FAILING_NUMBER } from './softphone'
import { useTabTitle } from './useDemo'

// The simulated softphone's dial resolves when the call connects, so `placed` reads "connected".
const STATUS_LABEL: Record<CrmCallStatus, string> = {
  requested: 'requested',
  dialing: 'dialing',
  placed: 'connected',
  ringing: 'ringing',
  connected: 'connected',
  ended: 'ended',
  failed: 'failed',
}

/** The softphone: every call request from a CRM tab, newest first, with its status. */
export function SoftphonePanel() {
  const calls = useCrmCalls()
  const titleOf = useTabTitle()
  return (
    <section className="panel" aria-labelledby="softphone-heading">
      <h2 id="softphone-heading">Softphone</h2>
      <p className="hint">
        Calls ring for a moment, then connect. {FAILING_NUMBER} is reserved: it always fails.
      </p>
      {calls.length === 0 && <p className="empty">No call yet.</p>}
      <ol id="calls">
        {[...calls].reverse().map((call) => (
          <li key={call.requestId} data-status={call.status}>
            <strong className="destination">
              {call.destination}
              {call.extension !== undefined && (
                <span className="extension"> ext. {call.extension}</span>
              )}
            </strong>
            <span className={`status status-${call.status}`}>{STATUS_LABEL[call.status]}</span>
            <small className="from">
              from {titleOf(call.tabId)}
              {call.error && `: ${call.error.message ?? call.error.code ?? 'failed'}`}
            </small>
          </li>
        ))}
      </ol>
    </section>
  )
}
