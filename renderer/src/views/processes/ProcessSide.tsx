/** Beside the editor: the live preview of the request for a chosen record, the test button, the run log. */
import { selectDraft } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { PreviewPanel } from './PreviewPanel';
import { RunLog } from './RunLog';

export function ProcessSide() {
  const hasDraft = useProcessesStore((s) => selectDraft(s) !== null);
  if (!hasDraft) return <div className="process-side" />;
  return (
    <div className="process-side">
      <PreviewPanel />
      <RunLog />
    </div>
  );
}
