/** The keyboard shortcuts, as a modal dialog (`?` opens it, `Esc` closes it). */
import { useEffect, useRef } from 'react';
import { VIEWS } from '../../app/views';
import { selectSetHelpOpen } from '../../stores/app/app.selectors';
import { useAppStore } from '../../stores/app/app.store';

const ACTIONS: [string, string][] = [
  ['Ctrl+Enter', 'Send the message (customer chat) or the reply (Creatio desk)'],
  ['?', 'Show or hide this help'],
  ['Esc', 'Close this help'],
  ['→ or Space', 'Next step while presenting a scenario'],
];

export function HelpOverlay() {
  const close = useAppStore(selectSetHelpOpen);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeButton.current?.focus();
    return () => before?.focus();
  }, []);
  return (
    <div className="overlay">
      <div className="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="help-table">
          <tbody>
            {ACTIONS.map(([keys, what]) => (
              <tr key={keys}><th scope="row"><kbd>{keys}</kbd></th><td>{what}</td></tr>
            ))}
            {VIEWS.map((v) => (
              <tr key={v.id}><th scope="row"><kbd>g</kbd> then <kbd>{v.key}</kbd></th><td>Open {v.label}</td></tr>
            ))}
          </tbody>
        </table>
        <button ref={closeButton} type="button" className="button" onClick={() => close(false)}>Close</button>
      </div>
    </div>
  );
}
