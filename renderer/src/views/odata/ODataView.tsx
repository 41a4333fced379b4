/**
 * The OData console: type a request to the simulated site's OData 4 (as Supervisor, through the Lab
 * API), send it, and see status, time, Creatio's headers and the JSON, as Postman shows it.
 */
import { useEffect } from 'react';
import { refreshCases } from '../../stores/creatio/creatio.actions';
import '../../styles/odata.css';
import { ExampleList } from './ExampleList';
import { HistoryList } from './HistoryList';
import { RequestForm } from './RequestForm';
import { ResponsePanel } from './ResponsePanel';

export function ODataView() {
  // The examples about one case use a real case id: the desk's list gives one.
  useEffect(() => {
    void refreshCases();
  }, []);
  return (
    <section className="view odata-view" aria-labelledby="odata-title">
      <header className="view-header">
        <h1 id="odata-title">OData console</h1>
        <p className="view-note">Requests go to the simulated site's <code>/0/odata/</code> signed in as Supervisor. Ctrl+Enter sends.</p>
      </header>
      <RequestForm />
      <div className="odata-columns">
        <div className="odata-left">
          <ExampleList />
          <HistoryList />
        </div>
        <ResponsePanel />
      </div>
    </section>
  );
}
