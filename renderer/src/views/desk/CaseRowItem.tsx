/** One case in the list; its number opens the case page. */
import { memo } from 'react';
import { formatDateTime } from '../../lib/format';
import { openCase } from '../../stores/creatio/creatio.actions';
import { selectIsOpen } from '../../stores/creatio/creatio.selectors';
import { useCreatioStore } from '../../stores/creatio/creatio.store';
import type { CaseRow } from '../../stores/creatio/creatio.rows';

export const CaseRowItem = memo(function CaseRowItem({ row }: { row: CaseRow }) {
  const isOpen = useCreatioStore(selectIsOpen(row.id));
  return (
    <tr className={isOpen ? 'selected' : undefined} aria-current={isOpen ? 'true' : undefined}>
      <td>
        <button type="button" className="link-button" aria-label={`Open case ${row.number}`} onClick={() => openCase(row.id)}>
          {row.number}
        </button>
      </td>
      <td>{row.subject}</td>
      <td><span className="badge">{row.status}</span></td>
      <td>{row.owner}</td>
      <td>{row.group}</td>
      <td>{row.contact}</td>
      <td><time dateTime={row.registeredOn}>{formatDateTime(row.registeredOn)}</time></td>
    </tr>
  );
});
