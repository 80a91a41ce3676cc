import { useState } from 'react'
import type { CrmCallsState } from 'ucp-crm-bridge'
import { redactCrmState } from 'ucp-crm-bridge/privacy'
import { messagesCleared, type LoggedCallStatus, type LoggedMessage } from './messagesSlice'
import { talkTime } from './talkTime'
import { useDemoDispatch, useDemoSelector, useTabTitle } from './useDemo'

/** What UCP posted back: the answer's type and its code, or that it posted nothing. */
function answerText({ answer }: LoggedMessage): string {
  if (!answer) return 'no answer'
  if (answer.type === 'UCP_HELLO') return 'answered UCP_HELLO'
  return `answered ${answer.type} ${answer.code ?? 'ok'}`
}

/** A call's destination, from the call history (the log itself holds no number). */
function destinationOf(message: LoggedMessage, calls: CrmCallsState): string | undefined {
  if (message.type !== 'MAKE_CALL' || message.requestId === undefined) return undefined
  const call = calls.find((candidate) => candidate.requestId === message.requestId)
  return call ? call.destination : 'no longer in the call history'
}

/** What an `ended` status carries beside it: how the call ended, and its talk time. */
const endText = ({ reason, durationMs }: LoggedCallStatus) =>
  `${reason}, talk time ${talkTime(durationMs ?? 0)}`

/**
 * The protocol inspector, newest first: every message a CRM tab sent, with its tab, what UCP made
 * of it (a reason code, see docs/protocol.md), the answer posted back and the time it took; and
 * the call statuses UCP tells the page that asked for a call. Numbers are shown as DevTools and
 * error monitors see them, unless asked for.
 */
export function MessagesPanel() {
  const entries = useDemoSelector((state) => state.demoMessages)
  const [showNumbers, setShowNumbers] = useState(false)
  // The redacted history is the same array until the history changes, so this selector is stable.
  const calls = useDemoSelector((state) =>
    showNumbers ? state.crmCalls : redactCrmState(state).crmCalls,
  )
  const dispatch = useDemoDispatch()
  const titleOf = useTabTitle()
  return (
    <section className="panel" aria-labelledby="messages-heading">
      <h2 id="messages-heading">
        Messages
        <span className="tools">
          <label>
            <input
              id="show-numbers"
              type="checkbox"
              checked={showNumbers}
              onChange={(event) => setShowNumbers(event.target.checked)}
            />
            Show numbers
          </label>
          <button type="button" onClick={() => dispatch(messagesCleared())}>
            Clear
          </button>
        </span>
      </h2>
      <p className="hint">
        What UCP made of every message a CRM tab sent; and each step of a call, as UCP tells the
        page that asked for it (read from the store's call events: a page that has reloaded or left
        since it asked is not told).
      </p>
      {entries.length === 0 && <p className="empty">No message yet.</p>}
      <ol id="messages">
        {[...entries].reverse().map((entry) => {
          if (entry.kind === 'status') {
            return (
              <li key={entry.id} data-kind="status" data-status={entry.status}>
                <code className="reason ok">{entry.status}</code>
                <span className="type">UCP_CALL_STATUS</span>
                <small className="from">
                  to {entry.origin}, {titleOf(entry.tabId)}, for its request {entry.requestId}
                </small>
                {entry.status === 'ended' && (
                  <small className="detail">
                    <span className="answer">{endText(entry)}</span>
                  </small>
                )}
              </li>
            )
          }
          const message = entry
          const destination = destinationOf(message, calls)
          return (
            <li
              key={message.id}
              data-kind="message"
              data-outcome={message.reason === undefined ? 'done' : 'refused'}
              data-reason={message.reason}
            >
              <code className={message.reason === undefined ? 'reason ok' : 'reason'}>
                {message.reason ?? 'ok'}
              </code>
              <span className="type">{message.type ?? 'message'}</span>
              <small className="from">
                from {message.origin || 'an unknown origin'}
                {message.tabId !== undefined && `, ${titleOf(message.tabId)}`}
              </small>
              <small className="detail">
                <span className="answer">{answerText(message)}</span>
                {' · '}
                <span className="elapsed">{message.settledAt - message.receivedAt} ms</span>
                {destination !== undefined && (
                  <>
                    {' · '}
                    <span className="destination">{destination}</span>
                  </>
                )}
              </small>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
