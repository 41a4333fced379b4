/** One-click examples: cases with their status, a case's activities by CreatedOn, statuses, $metadata, a POST. */
import { useMemo } from 'react';
import { useCreatioStore } from '../../stores/creatio/creatio.store';
import { odataExamples } from '../../stores/odata/odata.examples';
import { useODataStore } from '../../stores/odata/odata.store';

export function ExampleList() {
  const caseId = useCreatioStore((s) => s.openCaseId ?? s.cases[0]?.id ?? null);
  const load = useODataStore((s) => s.load);
  const examples = useMemo(() => odataExamples(caseId), [caseId]);
  return (
    <section className="odata-card" aria-labelledby="odata-examples">
      <h2 id="odata-examples">Examples</h2>
      <ul className="odata-examples">
        {examples.map((example) => (
          <li key={example.label}>
            <button type="button" className="link-button" onClick={() => load(example.request)}>{example.label}</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
