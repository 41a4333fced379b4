/** The window: the navigation on the left, the current view, the help overlay. */
import { useEffect } from 'react';
import { startEventBridge } from '../bridge/event-bridge';
import { selectHelpOpen, selectView } from '../stores/app/app.selectors';
import { useAppStore } from '../stores/app/app.store';
import { HelpOverlay } from '../views/shell/HelpOverlay';
import { NoToken } from '../views/shell/NoToken';
import { PresenterBar } from '../views/scenarios/PresenterBar';
import { Sidebar } from '../views/shell/Sidebar';
import { ViewHost } from './ViewHost';
import { useShortcuts } from './use-shortcuts';
import { useThemeAttribute } from './use-theme-attribute';

export function App({ hasToken }: { hasToken: boolean }) {
  useThemeAttribute();
  useShortcuts();
  useEffect(() => (hasToken ? startEventBridge() : undefined), [hasToken]);
  const view = useAppStore(selectView);
  const helpOpen = useAppStore(selectHelpOpen);
  return (
    <div className="app">
      <Sidebar />
      <main className="app-main" id="main">
        {hasToken && <PresenterBar />}
        {hasToken ? <ViewHost view={view} /> : <NoToken />}
      </main>
      {helpOpen && <HelpOverlay />}
    </div>
  );
}
