/** The site's processes: name, signal, active, warnings; new from scratch or from the seed's templates. */
import { useId, useState } from 'react';
import { createFromTemplate, startNewProcess } from '../../stores/processes/processes.actions';
import { selectListError, selectListLoad, selectProcesses } from '../../stores/processes/processes.selectors';
import { useProcessesStore } from '../../stores/processes/processes.store';
import { ProcessListItem } from './ProcessListItem';

type Template = 'agent-reply' | 'case-closure';

export function ProcessList() {
  const processes = useProcessesStore(selectProcesses);
  const load = useProcessesStore(selectListLoad);
  const error = useProcessesStore(selectListError);
  const templateId = useId();
  const [template, setTemplate] = useState<Template>('agent-reply');
  return (
    <aside className="process-list" aria-labelledby="process-list-title">
      <div className="process-list-tools">
        <h2 id="process-list-title">Processes <span className="count">({processes.length})</span></h2>
        <button type="button" className="button primary" onClick={startNewProcess}>New process</button>
      </div>
      <div className="process-template">
        <label htmlFor={templateId}>Seed template</label>
        <select id={templateId} value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
          <option value="agent-reply">Agent reply → helpdesk</option>
          <option value="case-closure">Case closure → helpdesk</option>
        </select>
        <button type="button" className="button" onClick={() => void createFromTemplate(template)}>Create from template</button>
      </div>
      {error && <p className="form-error" role="alert">Could not read the processes: {error}</p>}
      {load === 'loading' && processes.length === 0 && <p className="empty">Reading processes…</p>}
      <ul className="processes" aria-labelledby="process-list-title">
        {processes.map((p) => <ProcessListItem key={p.id} process={p} />)}
      </ul>
    </aside>
  );
}
