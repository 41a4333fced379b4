/** The answer: status, time, Creatio's headers (from the site's journal), and the body as a JSON tree or raw. */
import { useState } from 'react';
import { redactText } from '../../stores/timeline/redact-text';
import { selectResult } from '../../stores/odata/odata.selectors';
import { useODataStore } from '../../stores/odata/odata.store';
import { JsonTree } from './JsonTree';

const statusClass = (status: number) => (status >= 200 && status < 300 ? 'status-ok' : status >= 400 ? 'status-error' : '');

export function ResponsePanel() {
  const result = useODataStore(selectResult);
  const [raw, setRaw] = useState(false);
  if (!result) {
    return <section className="odata-card odata-response" aria-label="Response"><p className="empty">Send a request, or pick an example, to see Creatio's answer.</p></section>;
  }
  const headers = result.headers ? Object.entries(result.headers) : [];
  const isJson = typeof result.body === 'object' && result.body !== null;
  const text = result.body === undefined ? '' : redactText(isJson ? JSON.stringify(result.body, null, 2) : String(result.body));
  return (
    <section className="odata-card odata-response" aria-label="Response">
      <div className="odata-line">
        <span className={`badge ${statusClass(result.status)}`} aria-label={`Status ${result.status}`}>{result.status}</span>
        <span className="odata-time" aria-label="Time">{result.timeMs} ms</span>
        <code className="odata-sent">{result.request.method} /0/odata/{result.request.path}</code>
      </div>
      {result.code && <p className="form-error">{result.code}: the request did not reach Creatio.</p>}
      <details className="exchange-headers">
        <summary>Headers ({result.headers === null ? 'not in the journal' : headers.length})</summary>
        <dl>{headers.map(([name, value]) => <div key={name}><dt>{name}</dt><dd>{redactText(value)}</dd></div>)}</dl>
      </details>
      {isJson && (
        <label className="odata-raw"><input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Raw</label>
      )}
      <div className="odata-output" role="region" aria-label="Response body">
        {result.body === undefined ? <p className="view-note">No body (HTTP {result.status}).</p>
          : isJson && !raw ? <JsonTree value={result.body} /> : <pre className="exchange-body">{text}</pre>}
      </div>
    </section>
  );
}
