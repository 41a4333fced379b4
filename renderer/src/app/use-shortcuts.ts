/**
 * The window's keyboard shortcuts (listed in the help overlay): `?` help, `g` then a view's key to
 * open it, `Esc` closes the help. Keys typed into a field are the field's, never a shortcut; Ctrl+Enter
 * (send) is handled by the composer and the reply box themselves.
 */
import { useEffect } from 'react';
import { useAppStore } from '../stores/app/app.store';
import { VIEWS } from './views';

const G_WINDOW_MS = 1_500;

function typingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(): void {
  useEffect(() => {
    let gAt = 0;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const app = useAppStore.getState();
      if (event.key === 'Escape' && app.helpOpen) {
        app.setHelpOpen(false);
        return;
      }
      if (typingInto(event.target)) return;
      if (event.key === '?') {
        event.preventDefault();
        app.setHelpOpen(!app.helpOpen);
        return;
      }
      const now = performance.now();
      if (now - gAt < G_WINDOW_MS) {
        gAt = 0;
        const view = VIEWS.find((v) => v.key === event.key.toLowerCase());
        if (view) {
          event.preventDefault();
          app.setHelpOpen(false);
          app.show(view.id);
        }
        return;
      }
      if (event.key === 'g') gAt = now;
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
