/**
 * → or Space runs the presenter's next step, while `enabled` (the presenter panel, or the compact bar
 * on another view). Keys typed into a field are the field's; Space on a button or link is theirs.
 */
import { useEffect } from 'react';
import { useAppStore } from '../../stores/app/app.store';
import { presenterNext } from '../../stores/scenarios/presenter.actions';

function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (target.closest('[role="tablist"]')) return true;
  return key === ' ' && (['BUTTON', 'A', 'SUMMARY'].includes(target.tagName));
}

export function usePresenterKeys(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'ArrowRight' && event.key !== ' ') return;
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
      if (useAppStore.getState().helpOpen || ownsKey(event.target, event.key)) return;
      event.preventDefault();
      void presenterNext();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
