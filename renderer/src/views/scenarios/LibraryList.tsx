/** The scenario library (test/scenarios and <workspace>/scenarios), a filter, and opening a file from the disk. */
import { useId, type ChangeEvent } from 'react';
import { loadLibrary, openBlank, openDiskFile, openLibraryFile } from '../../stores/scenarios/scenarios.actions';
import { selectFilter, selectLibraryError, selectLibraryLoad, selectOpened, selectVisibleLibrary } from '../../stores/scenarios/scenarios.selectors';
import { useScenariosStore } from '../../stores/scenarios/scenarios.store';

export function LibraryList() {
  const id = useId();
  const library = useScenariosStore(selectVisibleLibrary);
  const load = useScenariosStore(selectLibraryLoad);
  const error = useScenariosStore(selectLibraryError);
  const filter = useScenariosStore(selectFilter);
  const setFilter = useScenariosStore((s) => s.setFilter);
  const opened = useScenariosStore(selectOpened);
  const openPath = opened?.kind === 'library' ? opened.path : null;

  function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) void openDiskFile(file);
    event.target.value = '';
  }

  return (
    <div className="scenario-library">
      <div className="library-tools">
        <h2 id={`${id}-title`}>Library <span className="count">({library.length})</span></h2>
        <button type="button" className="button" onClick={() => void loadLibrary()}>Reload library</button>
      </div>
      <div className="library-open">
        <label className="button file-button" htmlFor={`${id}-file`}>Open a YAML file from disk</label>
        <input id={`${id}-file`} className="visually-hidden" type="file" accept=".yaml,.yml,text/yaml" onChange={chooseFile} />
        <button type="button" className="button" onClick={openBlank}>Paste a scenario</button>
      </div>
      <label className="visually-hidden" htmlFor={`${id}-filter`}>Filter scenarios</label>
      <input id={`${id}-filter`} type="search" placeholder="Filter by name, file or tag" value={filter} onChange={(e) => setFilter(e.target.value)} />
      {error && <p className="form-error" role="alert">Could not read the library: {error}</p>}
      {load === 'loading' && library.length === 0 && <p className="empty">Reading the library…</p>}
      <ul className="library-list" aria-labelledby={`${id}-title`}>
        {library.map((entry) => (
          <li key={entry.path} className={entry.path === openPath ? 'selected' : undefined}>
            <button type="button" className="library-item" aria-label={`Open scenario ${entry.name}`} aria-current={entry.path === openPath ? 'true' : undefined}
              onClick={() => void openLibraryFile(entry.path)}>
              <span className="library-name">{entry.name}</span>
              <span className="library-meta">
                {entry.path.split('/').pop()} · {entry.steps} steps{entry.mode === 'handoff-only' ? ' · handoff-only' : ''}
                {entry.source === 'workspace' ? ' · workspace' : ''}
              </span>
              {entry.error && <span className="library-error">does not load: {entry.error}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
