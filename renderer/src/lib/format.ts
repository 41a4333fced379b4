/** Display helpers shared by views. */

/** A Creatio date (ISO 8601) as a short local date and time; the text itself when it is not a date. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (!iso || Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** Text of an HTML body (Activity.IsHtmlBody), without running anything in it: DOMParser makes an inert document. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return (doc.body.textContent ?? '').trim();
}
