/** Display helpers of the Webhooks view. */

/** Local time with seconds and milliseconds ("09:41:07.250"): webhooks come close together. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleTimeString(undefined, { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

/** A GUID's first block, enough to tell cases apart in a table ("3f2a9c1e…"). */
export function shortId(id: string | undefined): string {
  return id ? `${id.slice(0, 8)}…` : '—';
}

/** Tone of a status for its badge. */
export function statusTone(status: number): 'ok' | 'warn' | 'bad' {
  if (status < 300) return 'ok';
  if (status < 500) return 'warn';
  return 'bad';
}
