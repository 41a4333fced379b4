/** A view that is not built yet says so plainly, and what it will do. */
import type { ViewInfo } from '../../app/views';

export function ComingPanel({ view }: { view: ViewInfo }) {
  return (
    <section className="coming" aria-labelledby="coming-title">
      <h1 id="coming-title">{view.label}: coming</h1>
      <p>This view is not built yet. When it is, it will show:</p>
      <p className="coming-purpose">{view.purpose}</p>
      <p>Until then, everything it will do is in the Lab API (docs/lab-api.md).</p>
    </section>
  );
}
