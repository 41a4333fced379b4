/** A run's two-way timeline as a list of hops, each in its lane (customer, engine, Creatio, process, webhook). */
import type { ScenarioTimelineEntry } from '../../../../contract';

const LANE_LABEL: Record<ScenarioTimelineEntry['lane'], string> = {
  customer: 'Customer', engine: 'Engine', creatio: 'Creatio', process: 'Process', webhook: 'Webhook',
};
const LANES = Object.keys(LANE_LABEL) as ScenarioTimelineEntry['lane'][];

export function TimelineLanes({ timeline }: { timeline: ScenarioTimelineEntry[] }) {
  if (timeline.length === 0) return null;
  return (
    <details className="run-timeline" open>
      <summary>Timeline: {timeline.length} hops</summary>
      <table className="lanes" aria-label="Run timeline">
        <thead>
          <tr>
            <th scope="col">t</th><th scope="col">Step</th>
            {LANES.map((lane) => <th key={lane} scope="col">{LANE_LABEL[lane]}</th>)}
          </tr>
        </thead>
        <tbody>
          {timeline.map((hop, index) => (
            <tr key={index}>
              <td className="lane-t">{hop.t} ms</td>
              <td className="lane-step">{hop.step === undefined ? '' : hop.step + 1}</td>
              {LANES.map((lane) => (
                <td key={lane} className={lane === hop.lane ? `lane-hop lane-${lane}` : 'lane-empty'}>
                  {lane === hop.lane ? <span title={hop.type}>{hop.summary}</span> : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
