/** One hop: its time, the time since the hop before, and the arrow between two lanes (a button that opens its request). */
import { memo } from 'react';
import { toggleHop } from '../../stores/timeline/timeline.actions';
import { formatClock, formatSince, LANE_LABEL, LANES, type Hop } from '../../stores/timeline/timeline.hops';
import { selectIsOpenHop } from '../../stores/timeline/timeline.selectors';
import { useTimelineStore } from '../../stores/timeline/timeline.store';

/** Grid columns: 1 is the time, lanes are 2..6. */
const column = (lane: Hop['from']) => LANES.indexOf(lane) + 2;
const FIRST = 2;
const LAST = LANES.length + 1;

/**
 * Where the button sits and where its line runs, in % of the button. An arrow spans its two lanes
 * and its line runs between their middles; a hop within one lane gets the lanes either side too, so
 * its label has room, with its small loop under its own lane.
 */
function placement(from: number, to: number): { start: number; end: number; left: number; right: number } {
  if (from !== to) {
    const start = Math.min(from, to);
    const end = Math.max(from, to);
    const half = 50 / (end - start + 1);
    return { start, end, left: half, right: half };
  }
  const start = Math.max(FIRST, from - 1);
  const end = Math.min(LAST, from + 1);
  const lane = 100 / (end - start + 1);
  return { start, end, left: (from - start + 0.35) * lane, right: (end - from + 0.35) * lane };
}

export const HopRow = memo(function HopRow({ hop }: { hop: Hop }) {
  const open = useTimelineStore(selectIsOpenHop(hop.seq));
  const from = column(hop.from);
  const to = column(hop.to);
  const place = placement(from, to);
  const direction = from === to ? 'self' : from < to ? 'right' : 'left';
  const route = from === to ? LANE_LABEL[hop.to] : `${LANE_LABEL[hop.from]} → ${LANE_LABEL[hop.to]}`;
  const clock = formatClock(hop.at);
  const since = formatSince(hop.sinceMs);
  return (
    <li className={`sequence-grid hop${hop.failed ? ' hop-failed' : ''}${open ? ' hop-open' : ''}`}>
      <span className="sequence-time">
        <time dateTime={hop.at}>{clock}</time>
        <span className="since">{since}</span>
      </span>
      {LANES.map((lane, index) => <span key={lane} className="lifeline" style={{ gridColumn: index + 2, gridRow: 1 }} aria-hidden="true" />)}
      <button
        type="button"
        className={`arrow arrow-${direction}`}
        style={{ gridColumn: `${place.start} / ${place.end + 1}`, gridRow: 1, ['--left' as string]: `${place.left}%`, ['--right' as string]: `${place.right}%` }}
        aria-pressed={open}
        aria-label={`${route}: ${hop.summary}, at ${clock}, ${since}`}
        title={`${route}: ${hop.summary}`}
        onClick={() => void toggleHop(hop)}
      >
        <span className="arrow-label">{hop.summary}</span>
        <span className="arrow-line" aria-hidden="true" />
      </button>
    </li>
  );
});
