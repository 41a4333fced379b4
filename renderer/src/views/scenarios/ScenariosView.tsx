/** The Scenarios view (issue 6). Not built yet: it shows the honest "coming" panel. */
import { viewInfo } from '../../app/views';
import { ComingPanel } from '../shell/ComingPanel';

export function ScenariosView() {
  return <ComingPanel view={viewInfo('scenarios')} />;
}
