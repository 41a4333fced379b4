/** Opens the keyboard shortcuts overlay (also `?`). */
import { selectSetHelpOpen } from '../../stores/app/app.selectors';
import { useAppStore } from '../../stores/app/app.store';

export function HelpButton() {
  const setHelpOpen = useAppStore(selectSetHelpOpen);
  return (
    <button type="button" className="tool-button" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
      Keyboard shortcuts (?)
    </button>
  );
}
