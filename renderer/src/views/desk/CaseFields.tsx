/** The case's fields, with Creatio's captions. */
import { formatDateTime } from '../../lib/format';
import { selectDetail } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';

export function CaseFields() {
  const detail = useCreatioStore(selectDetail);
  if (!detail) return null;
  const fields: [string, string][] = [
    ['Status', detail.status], ['Priority', detail.priority], ['Origin', detail.origin], ['Category', detail.category],
    ['Owner', detail.owner], ['Group', detail.group], ['Contact', detail.contact], ['Registered', formatDateTime(detail.registeredOn)],
  ];
  return (
    <div className="case-fields-block">
      <dl className="case-fields" aria-label="Case fields">
        {fields.map(([label, value]) => (
          <div key={label} className="field">
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      {detail.symptoms && <TextField label="Symptoms" text={detail.symptoms} />}
      {detail.notes && <TextField label="Notes" text={detail.notes} />}
    </div>
  );
}

function TextField({ label, text }: { label: string; text: string }) {
  return (
    <div className="symptoms" role="group" aria-label={label}>
      <h3>{label}</h3>
      <p>{text}</p>
    </div>
  );
}
