import type { CrmCallRequest } from 'ucp-crm-bridge'
import { useCrmCalls } from 'ucp-crm-bridge/react'
import { BUSY_NUMBER, UNREACHABLE_NUMBER, type Softphone } from './softphone'
import { talkTime } from './talkTime'
import { useTabTitle } from './useDemo'

/** A call the agent may hang up: in the softphone's hands (dialing on), and not over. */
const isLive = ({ status }: CrmCallRequest) =>
  status !== 'requested' && status !== 'ended' && status !== 'failed'

/** How an ended call went: its reason, and its talk time once it connected. */
const endOf = ({ endReason, durationMs, connectedAt }: CrmCallRequest) =>
  connectedAt === undefined ? endReason : `${endReason}, ${talkTime(durationMs ?? 0)}`

/** The softphone: every call request from a CRM tab, newest first, with its status. */
export function SoftphonePanel({ softphone }: { softphone: Softphone }) {
  const calls = useCrmCalls()
  const titleOf = useTabTitle()
  return (
    <section className="panel" aria-labelledby="softphone-heading">
      <h2 id="softphone-heading">Softphone</h2>
      <p className="hint">
        Calls ring, then connect, until you hang up. Reserved: {BUSY_NUMBER} is busy,{' '}
        {UNREACHABLE_NUMBER} cannot be reached.
      </p>
      {calls.length === 0 && <p className="empty">No call yet.</p>}
      <ol id="calls">
        {[...calls].reverse().map((call) => (
          <li key={call.requestId} data-status={call.status} data-request-id={call.requestId}>
            <strong className="destination">
              {call.destination}
              {call.extension !== undefined && (
                <span className="extension"> ext. {call.extension}</span>
              )}
            </strong>
            <span className={`status status-${call.status}`}>
              {call.status === 'ended' ? `ended: ${endOf(call)}` : call.status}
            </span>
            <small className="from">
              from {titleOf(call.tabId)}
              {call.error && `: ${call.error.message ?? call.error.code ?? 'failed'}`}
            </small>
            {isLive(call) && (
              <button
                type="button"
                className="hang-up"
                onClick={() => softphone.hangUp(call.requestId)}
              >
                Hang up
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}
