/**
 * The Processes view (issue 6, "Business processes"): the site's processes beside an editor for the
 * signal and the "Call web service" element, with the live request preview, the test button and each
 * process's run log.
 */
import { useEffect } from 'react';
import { loadProcesses } from '../../stores/processes/processes.actions';
import { startProcessesSync } from '../../stores/processes/processes.events';
import { loadModel } from '../../stores/processes/preview.actions';
import '../../styles/processes.css';
import { ProcessEditor } from './ProcessEditor';
import { ProcessList } from './ProcessList';
import { ProcessSide } from './ProcessSide';

export function ProcessesView() {
  useEffect(() => {
    const stop = startProcessesSync();
    void loadProcesses();
    void loadModel();
    return stop;
  }, []);
  return (
    <section className="view processes-view" aria-labelledby="processes-title">
      <header className="view-header">
        <h1 id="processes-title">Processes</h1>
        <p className="view-note">Business processes of the simulated Creatio site: a signal, then "Call web service". Secrets show as ***.</p>
      </header>
      <div className="processes-columns">
        <ProcessList />
        <ProcessEditor />
        <ProcessSide />
      </div>
    </section>
  );
}
