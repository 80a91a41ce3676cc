import { rejectionsCleared } from './rejectionsSlice'
import { useDemoDispatch, useDemoSelector, useTabTitle } from './useDemo'

/** Every message the bridge rejected, newest first, with its reason code (see docs/protocol.md). */
export function RejectedLog() {
  const rejections = useDemoSelector((state) => state.demoRejections)
  const dispatch = useDemoDispatch()
  const titleOf = useTabTitle()
  return (
    <section className="panel" aria-labelledby="rejections-heading">
      <h2 id="rejections-heading">
        Rejected messages
        <button type="button" onClick={() => dispatch(rejectionsCleared())}>
          Clear
        </button>
      </h2>
      {rejections.length === 0 && <p className="empty">Nothing rejected.</p>}
      <ol id="rejections">
        {[...rejections].reverse().map((rejection) => (
          <li key={rejection.id} data-reason={rejection.reason}>
            <code className="reason">{rejection.reason}</code>
            <span className="type">{rejection.type ?? 'message'}</span>
            <small className="from">
              from {rejection.origin || 'an unknown origin'}
              {rejection.tabId !== undefined && `, ${titleOf(rejection.tabId)}`}
            </small>
          </li>
        ))}
      </ol>
    </section>
  )
}
