/** Request headers: name and value rows; a value under a secret-looking name is typed as a password and shown masked. */
import { newKey, type HeaderDraft } from '../../stores/processes/draft';
import { selectDraft } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';

/** The names the site redacts (mock-creatio's redact.ts): Authorization, tokens, secrets, API keys, passwords. */
const SECRET_NAME = /^(authorization|cookie|proxy-authorization|bpmcsrf)$|token|secret|api[-_]?key|password/i;

export function HeadersEditor() {
  const headers = useProcessesStore(selectDraft)!.headers;
  const edit = useProcessesStore((s) => s.edit);
  const set = (key: string, patch: Partial<HeaderDraft>) => edit((d) => ({ headers: d.headers.map((h) => (h.key === key ? { ...h, ...patch } : h)) }));
  return (
    <div className="headers" role="group" aria-label="Headers">
      <span className="field-label">Headers</span>
      {headers.map((h, i) => (
        <div className="header-row" key={h.key}>
          <input aria-label={`Header ${i + 1} name`} value={h.name} spellCheck={false} onChange={(e) => set(h.key, { name: e.target.value })} />
          <input aria-label={`Header ${i + 1} value`} value={h.value} spellCheck={false} autoComplete="off"
            type={SECRET_NAME.test(h.name) ? 'password' : 'text'} onChange={(e) => set(h.key, { value: e.target.value })} />
          <button type="button" className="button small" aria-label={`Remove header ${h.name || i + 1}`}
            onClick={() => edit((d) => ({ headers: d.headers.filter((x) => x.key !== h.key) }))}>✕</button>
        </div>
      ))}
      <button type="button" className="button small" onClick={() => edit((d) => ({ headers: [...d.headers, { key: newKey(), name: '', value: '' }] }))}>
        Add header
      </button>
      <span className="hint">Content-Type is sent from the field above. A secret sent back as *** keeps the stored one.</span>
    </div>
  );
}
