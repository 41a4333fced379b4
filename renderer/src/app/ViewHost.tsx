/** Shows the current view. */
import type { JSX } from 'react';
import { ChatView } from '../views/chat/ChatView';
import { DeskView } from '../views/desk/DeskView';
import { FaultsView } from '../views/faults/FaultsView';
import { ODataView } from '../views/odata/ODataView';
import { ProcessesView } from '../views/processes/ProcessesView';
import { ScenariosView } from '../views/scenarios/ScenariosView';
import { SyncView } from '../views/sync/SyncView';
import { TimelineView } from '../views/timeline/TimelineView';
import { WebhooksView } from '../views/webhooks/WebhooksView';
import type { ViewId } from './views';

const VIEW_COMPONENTS: Record<ViewId, () => JSX.Element> = {
  chat: ChatView, desk: DeskView, processes: ProcessesView, webhooks: WebhooksView, sync: SyncView,
  timeline: TimelineView, faults: FaultsView, odata: ODataView, scenarios: ScenariosView,
};

export function ViewHost({ view }: { view: ViewId }) {
  const Component = VIEW_COMPONENTS[view];
  return <Component />;
}
