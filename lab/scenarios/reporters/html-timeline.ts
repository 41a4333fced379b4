/**
 * A scenario's two-way timeline as an inline SVG sequence diagram: one lifeline per lane
 * (customer · engine · creatio · process · webhook), one row per entry, an arrow from the lane of
 * the previous hop to the lane of this one, times relative to the scenario's start. All text is
 * escaped; the full summary is in each row's tooltip.
 */
import type { TimelineEntry } from '../scenario-result';
import { escapeHtml } from './report-format';

export const LANES: readonly TimelineEntry['lane'][] = ['customer', 'engine', 'creatio', 'process', 'webhook'];

const GUTTER = 90;
const COLUMN = 112;
/** Where each row's text starts (right of the lanes) and how wide it may run. */
const TEXT_X = GUTTER + COLUMN * 4 + 40;
const TEXT_WIDTH = 500;
const TOP = 36;
const ROW = 28;
/** Average glyph width at the report's 12px font, to cut labels to the room they have. */
const GLYPH = 6.6;

export function renderTimelineSvg(entries: readonly TimelineEntry[]): string {
  if (entries.length === 0) return '<p class="muted">No timeline recorded.</p>';
  const width = TEXT_X + TEXT_WIDTH;
  const height = TOP + ROW * entries.length + 16;
  const x = (lane: TimelineEntry['lane']) => GUTTER + COLUMN * Math.max(0, LANES.indexOf(lane));
  const parts: string[] = [
    `<svg class="timeline" role="img" aria-label="Two-way timeline" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>',
  ];
  for (const lane of LANES) {
    parts.push(`<text class="lane-name lane-${lane}" x="${x(lane)}" y="20" text-anchor="middle">${lane}</text>`);
    parts.push(`<line class="lifeline" x1="${x(lane)}" y1="28" x2="${x(lane)}" y2="${height - 8}"/>`);
  }
  entries.forEach((entry, index) => parts.push(renderRow(entry, entries[index - 1], TOP + ROW * index + ROW / 2, x)));
  parts.push('</svg>');
  return parts.join('\n');
}

function renderRow(entry: TimelineEntry, previous: TimelineEntry | undefined, y: number, x: (lane: TimelineEntry['lane']) => number): string {
  const lane = LANES.includes(entry.lane) ? entry.lane : 'engine';
  const to = x(lane);
  const from = previous ? x(LANES.includes(previous.lane) ? previous.lane : 'engine') : to;
  const ids = [
    entry.step !== undefined && `step ${entry.step + 1}`, entry.conversationId && `conversation ${entry.conversationId}`, entry.caseId && `case ${entry.caseId}`,
  ].filter(Boolean).join(', ');
  const tooltip = `+${seconds(entry.t)} ${entry.lane} ${entry.type}: ${entry.summary}${ids ? ` (${ids})` : ''}`;
  const out = [`<g class="hop lane-${lane}"><title>${escapeHtml(tooltip)}</title>`, `<text class="time" x="8" y="${y + 4}">+${seconds(entry.t)}</text>`];
  if (from !== to) out.push(`<line class="message" x1="${from}" y1="${y}" x2="${to + (to > from ? -6 : 6)}" y2="${y}" marker-end="url(#arrow)"/>`);
  out.push(`<line class="guide" x1="${to + 6}" y1="${y}" x2="${TEXT_X - 6}" y2="${y}"/>`);
  const type = cut(entry.type, 200);
  out.push(`<text class="label" x="${TEXT_X}" y="${y + 4}"><tspan class="type">${escapeHtml(type)}</tspan> ${escapeHtml(cut(entry.summary, TEXT_WIDTH - type.length * GLYPH - 10))}</text>`);
  out.push(`<circle class="dot" cx="${to}" cy="${y}" r="4.5"/></g>`);
  return out.join('');
}

/** Cuts `text` to what fits in `room` pixels, ending with … when cut. */
function cut(text: string, room: number): string {
  const max = Math.max(4, Math.floor(room / GLYPH));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}
