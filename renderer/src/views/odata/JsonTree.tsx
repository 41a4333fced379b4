/** JSON as a tree whose objects and arrays fold, as Postman's pretty view; strings are masked where they hold a secret. */
import { redactText } from '../../stores/timeline/redact-text';

/** Levels open at first: the answer, its `value` array, each row and its expanded lookups. */
const OPEN_DEPTH = 4;

export function JsonTree({ value }: { value: unknown }) {
  return <div className="json-tree"><JsonNode value={value} depth={0} /></div>;
}

function JsonNode({ name, value, depth }: { name?: string; value: unknown; depth: number }) {
  const key = name === undefined ? null : <span className="json-key">{JSON.stringify(name)}: </span>;
  if (value === null || typeof value !== 'object') {
    return <div className="json-leaf">{key}<span className={`json-${value === null ? 'null' : typeof value}`}>{redactText(JSON.stringify(value) ?? String(value))}</span></div>;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return <div className="json-leaf">{key}{open}{close}</div>;
  return (
    <details className="json-node" open={depth < OPEN_DEPTH}>
      <summary>{key}{open}<span className="json-size"> {entries.length} {Array.isArray(value) ? 'items' : 'keys'} </span></summary>
      <div className="json-children">
        {entries.map(([k, v]) => <JsonNode key={k} name={Array.isArray(value) ? undefined : k} value={v} depth={depth + 1} />)}
      </div>
      <div>{close}</div>
    </details>
  );
}
