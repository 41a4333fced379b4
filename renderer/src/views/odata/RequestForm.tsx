/** The request: method, path with its query string, and a JSON body for POST and PATCH. */
import { useId, type FormEvent, type KeyboardEvent } from 'react';
import type { ODataMethod } from '../../api/domains/odata.api';
import { sendQuery } from '../../stores/odata/odata.actions';
import { selectBody, selectError, selectMethod, selectPath, selectSending } from '../../stores/odata/odata.selectors';
import { useODataStore } from '../../stores/odata/odata.store';

const METHODS: ODataMethod[] = ['GET', 'POST', 'PATCH', 'DELETE'];

export function RequestForm() {
  const id = useId();
  const method = useODataStore(selectMethod);
  const path = useODataStore(selectPath);
  const body = useODataStore(selectBody);
  const sending = useODataStore(selectSending);
  const error = useODataStore(selectError);
  const setMethod = useODataStore((s) => s.setMethod);
  const setPath = useODataStore((s) => s.setPath);
  const setBody = useODataStore((s) => s.setBody);
  const hasBody = method === 'POST' || method === 'PATCH';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void sendQuery();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
  };

  return (
    <form className="odata-card odata-request" aria-label="OData request" onSubmit={submit} onKeyDown={onKeyDown}>
      <div className="odata-line">
        <label htmlFor={`${id}-method`} className="visually-hidden">Method</label>
        <select id={`${id}-method`} value={method} onChange={(e) => setMethod(METHODS.find((m) => m === e.target.value) ?? 'GET')}>
          {METHODS.map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
        <span className="odata-prefix" aria-hidden="true">/0/odata/</span>
        <label htmlFor={`${id}-path`} className="visually-hidden">Path and query</label>
        <input
          id={`${id}-path`} className="odata-path" value={path} spellCheck={false} autoComplete="off"
          aria-keyshortcuts="Control+Enter" onChange={(e) => setPath(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={sending}>{sending ? 'Sending…' : 'Send'}</button>
      </div>
      {hasBody && (
        <>
          <label htmlFor={`${id}-body`}>Body (JSON)</label>
          <textarea id={`${id}-body`} rows={6} value={body} spellCheck={false} className="odata-body" onChange={(e) => setBody(e.target.value)} />
        </>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}
