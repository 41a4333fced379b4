/**
 * The body template with `[#...#]` completion: typing `[#` lists RecordId, the signal object's columns
 * and its lookups (a lookup goes on with its object's columns). Arrow keys move, Enter or Tab takes,
 * Escape closes; a click takes too.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { applySuggestion, completionAt, type Suggestion } from '../../stores/processes/completion';
import { selectDraft, selectModel } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';

const MAX_SHOWN = 40;

export function BodyTemplateField() {
  const draft = useProcessesStore(selectDraft)!;
  const model = useProcessesStore(selectModel);
  const edit = useProcessesStore((s) => s.edit);
  const ids = { field: useId(), list: useId() };
  const box = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState(false);

  const completion = model && caret !== null && !dismissed ? completionAt(draft.body, caret, model, draft.entity) : null;
  const options = completion?.options.slice(0, MAX_SHOWN) ?? [];
  const open = options.length > 0;
  const current = Math.min(active, Math.max(options.length - 1, 0));

  const track = (el: HTMLTextAreaElement) => {
    setCaret(el.selectionStart === el.selectionEnd ? el.selectionStart : null);
  };
  const take = (choice: Suggestion) => {
    if (!completion || caret === null) return;
    const next = applySuggestion(draft.body, caret, completion, choice);
    edit(() => ({ body: next.text }));
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    const moves: Record<string, () => void> = {
      ArrowDown: () => setActive((current + 1) % options.length),
      ArrowUp: () => setActive((current - 1 + options.length) % options.length),
      Enter: () => take(options[current]!),
      Tab: () => take(options[current]!),
      Escape: () => setDismissed(true),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    move();
  };

  return (
    <div className="body-field">
      <label htmlFor={ids.field}>Body</label>
      <textarea id={ids.field} ref={box} rows={5} value={draft.body} spellCheck={false} role="combobox"
        aria-expanded={open} aria-controls={ids.list} aria-autocomplete="list"
        aria-activedescendant={open ? `${ids.list}-${current}` : undefined}
        onChange={(e) => {
          edit(() => ({ body: e.target.value }));
          setDismissed(false);
          setActive(0);
          track(e.target);
        }}
        onSelect={(e) => track(e.currentTarget)} onKeyDown={onKeyDown} onBlur={() => setCaret(null)} />
      <span className="hint">Type <code>[#</code> for the record's columns and lookups, e.g. <code>[#Case.Id#]</code>.</span>
      {open && (
        <ul className="completion" id={ids.list} role="listbox" aria-label="Parameters">
          {options.map((o, i) => (
            <li key={o.label} id={`${ids.list}-${i}`} role="option" aria-selected={i === current}
              onMouseDown={(e) => {
                e.preventDefault();
                take(o);
              }}>
              <span className="completion-label">{o.label}{o.continues ? '.' : ''}</span> <span className="completion-detail">{o.detail}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
