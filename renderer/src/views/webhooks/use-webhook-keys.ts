/**
 * The view's own keys (docs/ui-webhooks.md), off while typing in a field: `j`/`k` the next/previous
 * request, `r` replay it, `e` edit and replay it.
 */
import { useEffect } from 'react';
import { isTruncated } from '../../stores/webhooks/entry-view';
import { editAndReplay, replay } from '../../stores/webhooks/webhooks.actions';
import { useWebhooksStore } from '../../stores/webhooks/webhooks.store';

function typingInto(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useWebhookKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typingInto(event.target)) return;
      const s = useWebhooksStore.getState();
      const newestFirst = [...s.entries].reverse();
      const index = newestFirst.findIndex((e) => e.seq === s.selectedSeq);
      const entry = index >= 0 ? newestFirst[index] : undefined;
      if (event.key === 'j' || event.key === 'k') {
        const next = newestFirst[Math.max(0, Math.min(newestFirst.length - 1, index + (event.key === 'j' ? 1 : -1)))];
        if (next) s.select(next.seq);
      } else if (event.key === 'r' && entry && !s.sending && !isTruncated(entry)) void replay(entry);
      else if (event.key === 'e' && entry) editAndReplay(entry);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
