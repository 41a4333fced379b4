/** Shows the current view; views not built yet show an honest "coming" panel. */
import { ComingPanel } from '../views/shell/ComingPanel';
import { ChatView } from '../views/chat/ChatView';
import { DeskView } from '../views/desk/DeskView';
import { viewInfo, type ViewId } from './views';

export function ViewHost({ view }: { view: ViewId }) {
  if (view === 'chat') return <ChatView />;
  if (view === 'desk') return <DeskView />;
  return <ComingPanel view={viewInfo(view)} />;
}
