/** One view in the navigation; `aria-current` marks the one shown. */
import { viewInfo, type ViewId } from '../../app/views';
import { selectShow } from '../../stores/app/app.selectors';
import { useAppStore } from '../../stores/app/app.store';

export function NavButton({ id }: { id: ViewId }) {
  const current = useAppStore((s) => s.view === id);
  const show = useAppStore(selectShow);
  const view = viewInfo(id);
  return (
    <button
      type="button"
      className="nav-button"
      aria-current={current ? 'page' : undefined}
      aria-keyshortcuts={`g ${view.key}`}
      title={view.purpose}
      onClick={() => show(id)}
    >
      <span>{view.label}</span>
    </button>
  );
}
