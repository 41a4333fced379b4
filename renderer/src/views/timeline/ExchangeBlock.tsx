/** One side of an HTTP exchange: its first line, headers (folded, as Postman does) and body. */
import type { Exchange } from '../../stores/timeline/timeline.requests';

export function ExchangeBlock({ label, exchange }: { label: string; exchange: Exchange }) {
  const headers = Object.entries(exchange.headers);
  return (
    <section className="exchange" aria-label={label}>
      <h3>{label}</h3>
      <code className="exchange-line">{exchange.line}</code>
      {headers.length > 0 && (
        <details className="exchange-headers">
          <summary>Headers ({headers.length})</summary>
          <dl>
            {headers.map(([name, value]) => (
              <div key={name}><dt>{name}</dt><dd>{value}</dd></div>
            ))}
          </dl>
        </details>
      )}
      {exchange.body ? <pre className="exchange-body">{exchange.body}</pre> : <p className="view-note">No body.</p>}
    </section>
  );
}
