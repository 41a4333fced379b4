/** The open case: its fields, status changes, the reply box and the activity feed. */
import { selectDetail, selectOpenCaseId, selectPageError, selectPageLoad } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';
import { ActivityFeed } from './ActivityFeed';
import { CaseFieldEdits } from './CaseFieldEdits';
import { CaseFields } from './CaseFields';
import { ReplyBox } from './ReplyBox';
import { StatusActions } from './StatusActions';

export function CasePage() {
  const openId = useCreatioStore(selectOpenCaseId);
  const detail = useCreatioStore(selectDetail);
  const load = useCreatioStore(selectPageLoad);
  const error = useCreatioStore(selectPageError);
  if (!openId) return <div className="case-page empty">Choose a case in the list to open it.</div>;
  if (!detail) {
    return (
      <div className="case-page">
        {load === 'error' ? <p className="form-error" role="alert">Could not read the case: {error}</p> : <p className="empty">Reading the case…</p>}
      </div>
    );
  }
  return (
    <section className="case-page" aria-label={`Case ${detail.number}`}>
      <header className="case-header">
        <h2>{detail.number}: {detail.subject}</h2>
        <StatusActions />
      </header>
      {error && <p className="form-error" role="alert">{error}</p>}
      <CaseFields />
      <CaseFieldEdits />
      <ReplyBox />
      <ActivityFeed />
    </section>
  );
}
