/** The case list, as Creatio's Cases section shows it: newest registered first. */
import { refreshCases } from '../../stores/creatio/creatio.actions';
import { selectCases, selectListError, selectListLoad } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';
import { CaseRowItem } from './CaseRowItem';

export function CaseList() {
  const cases = useCreatioStore(selectCases);
  const load = useCreatioStore(selectListLoad);
  const error = useCreatioStore(selectListError);
  return (
    <div className="case-list">
      <div className="case-list-tools">
        <h2 id="cases-title">Cases <span className="count">({cases.length})</span></h2>
        <button type="button" className="button" onClick={() => void refreshCases()}>Refresh cases</button>
      </div>
      {error && <p className="form-error" role="alert">Could not read the cases: {error}</p>}
      {load === 'loading' && cases.length === 0 && <p className="empty">Reading cases…</p>}
      <div className="table-scroll">
        <table className="cases" aria-labelledby="cases-title">
          <thead>
            <tr>
              <th scope="col">Number</th><th scope="col">Subject</th><th scope="col">Status</th><th scope="col">Owner</th>
              <th scope="col">Group</th><th scope="col">Contact</th><th scope="col">Registered</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((row) => <CaseRowItem key={row.id} row={row} />)}
          </tbody>
        </table>
      </div>
    </div>
  );
}
