/** Whether the window is receiving the lab's events, and the lab's mode. */
import { selectConnection, selectMode } from '../../stores/app/app.selectors';
import { useAppStore } from '../../stores/app/app.store';

const TEXT = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' } as const;

export function ConnectionStatus() {
  const connection = useAppStore(selectConnection);
  const mode = useAppStore(selectMode);
  return (
    <p className="connection" role="status" aria-label="Lab connection">
      <span className={`dot dot-${connection}`} aria-hidden="true" />
      {TEXT[connection]}
      {mode && <span className="mode"> · {mode === 'handoff-only' ? 'case on handoff only' : 'case for every conversation'}</span>}
    </p>
  );
}
