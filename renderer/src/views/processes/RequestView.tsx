/** A request or response as the process log shows it: first line, headers, body (JSON pretty-printed). */

export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

export function RequestView({ label, line, headers, body }: { label: string; line: string; headers: Record<string, string>; body: string }) {
  return (
    <div className="http-message" role="group" aria-label={label}>
      <code className="http-line">{line}</code>
      <dl className="http-headers">
        {Object.entries(headers).map(([name, value]) => (
          <div key={name}><dt>{name}:</dt> <dd>{value}</dd></div>
        ))}
      </dl>
      {body && <pre className="http-body">{prettyBody(body)}</pre>}
    </div>
  );
}
