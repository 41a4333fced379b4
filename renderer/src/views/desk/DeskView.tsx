/** The Creatio desk: what an agent sees in Creatio, the case list beside the open case. */
import { useEffect } from 'react';
import { refreshCases } from '../../stores/creatio/creatio.actions';
import { CaseList } from './CaseList';
import { CasePage } from './CasePage';

export function DeskView() {
  useEffect(() => {
    void refreshCases();
  }, []);
  return (
    <section className="view desk-view" aria-labelledby="desk-title">
      <header className="view-header">
        <h1 id="desk-title">Creatio desk</h1>
        <p className="view-note">Signed in to the simulated Creatio site as Supervisor. Cases refresh as records change.</p>
      </header>
      <div className="desk-columns">
        <CaseList />
        <CasePage />
      </div>
    </section>
  );
}
