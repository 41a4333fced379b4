/** The Processes view (issue 6). Not built yet: it shows the honest "coming" panel. */
import { viewInfo } from '../../app/views';
import { ComingPanel } from '../shell/ComingPanel';

export function ProcessesView() {
  return <ComingPanel view={viewInfo('processes')} />;
}
