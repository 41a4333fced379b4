/** Status changes an agent makes: Resolve (the case-closure process tells the helpdesk) and Close. */
import { changeStatus } from '../../stores/creatio/creatio.actions';
import {
  selectActing, selectClosedStatusId, selectDetail, selectOpenCaseIsFinal, selectResolvedStatusId,
} from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';

export function StatusActions() {
  const detail = useCreatioStore(selectDetail);
  const resolvedId = useCreatioStore(selectResolvedStatusId);
  const closedId = useCreatioStore(selectClosedStatusId);
  const isFinal = useCreatioStore(selectOpenCaseIsFinal);
  const acting = useCreatioStore(selectActing);
  if (!detail) return null;
  return (
    <div className="status-actions" role="group" aria-label="Case status">
      <button
        type="button" className="button primary"
        disabled={!resolvedId || !!acting || isFinal || detail.statusId === resolvedId}
        onClick={() => resolvedId && void changeStatus(resolvedId, 'Resolving')}
      >
        Resolve case
      </button>
      <button
        type="button" className="button"
        disabled={!closedId || !!acting || isFinal}
        onClick={() => closedId && void changeStatus(closedId, 'Closing')}
      >
        Close case
      </button>
    </div>
  );
}
