import { describe, expect, it } from 'vitest';
import { MemoryTable } from './table';
import { CASE, CLOSED, NEW, caseId, caseRecord } from './store-test-helpers';

const idsOf = (records: readonly { Id?: unknown }[]) => records.map((r) => r.Id);

describe('MemoryTable', () => {
  it('keeps insertion order, with updates in place', () => {
    const table = new MemoryTable(CASE);
    for (let n = 0; n < 4; n++) table.put(caseRecord(n));
    table.put(caseRecord(1, { Subject: 'changed' }));
    expect(idsOf([...table.all()])).toEqual([0, 1, 2, 3].map(caseId));
    expect(table.get(caseId(1))?.Subject).toBe('changed');
    expect(table.remove(caseId(2))?.Id).toBe(caseId(2));
    expect(table.remove(caseId(2))).toBeUndefined();
    expect(table.size).toBe(3);
  });

  it('returns lookups in table order after records move between index values', () => {
    const table = new MemoryTable(CASE);
    for (let n = 0; n < 6; n++) table.put(caseRecord(n, { StatusId: n % 2 ? CLOSED : NEW }));
    expect(idsOf(table.lookup('StatusId', NEW))).toEqual([0, 2, 4].map(caseId));
    // 5 moves to NEW, then 1: both must land in table position, not at the end of the bucket.
    table.put(caseRecord(5, { StatusId: NEW }));
    table.put(caseRecord(1, { StatusId: NEW }));
    expect(idsOf(table.lookup('StatusId', NEW))).toEqual([0, 1, 2, 4, 5].map(caseId));
    expect(idsOf(table.lookup('StatusId', CLOSED))).toEqual([caseId(3)]);
    // A later insert goes last; a re-inserted id (after delete) is new, so it goes last too.
    table.remove(caseId(0));
    table.put(caseRecord(9, { StatusId: NEW }));
    table.put(caseRecord(0, { StatusId: NEW }));
    expect(idsOf(table.lookup('StatusId', NEW))).toEqual([1, 2, 4, 5, 9, 0].map(caseId));
    expect(idsOf([...table.all()])).toEqual([1, 2, 3, 4, 5, 9, 0].map(caseId));
  });

  it('returns the current record objects from a cached lookup, and nothing for unknown values', () => {
    const table = new MemoryTable(CASE);
    table.put(caseRecord(1));
    const first = table.lookup('Priority', 1);
    expect(table.lookup('Priority', 1)).toBe(first);
    const updated = caseRecord(1, { Subject: 'new text' });
    table.put(updated);
    expect(table.lookup('Priority', 1)[0]).toBe(updated);
    expect(table.lookup('Priority', '1')).toEqual([]);
    expect(table.lookup('NoSuchColumn', 'x')).toEqual([]);
    table.replaceAll([caseRecord(2)]);
    expect(idsOf(table.lookup('Priority', 2))).toEqual([caseId(2)]);
    expect(table.lookup('Priority', 1)).toEqual([]);
  });

  it('keeps order, lookups and positions right when the holes of many deletes are closed', () => {
    const table = new MemoryTable(CASE);
    for (let n = 0; n < 10_000; n++) table.put(caseRecord(n, { StatusId: n % 3 ? NEW : CLOSED }));
    expect(table.lookup('StatusId', CLOSED)).toHaveLength(3_334);
    // 7,500 deletes: more than half of the slots are holes, so they are closed on the way
    for (let n = 0; n < 10_000; n++) if (n % 4 !== 0) table.remove(caseId(n));
    const kept = Array.from({ length: 2_500 }, (_, i) => i * 4);
    expect(table.size).toBe(2_500);
    expect(idsOf([...table.all()])).toEqual(kept.map(caseId));
    expect(idsOf(table.snapshot())).toEqual(kept.map(caseId));
    expect(table.get(caseId(4_000))?.Id).toBe(caseId(4_000));
    expect(table.get(caseId(4_001))).toBeUndefined();
    expect(idsOf(table.lookup('StatusId', CLOSED))).toEqual(kept.filter((n) => n % 3 === 0).map(caseId));
    // an early record moving into a bucket lands in table order; a new one goes last
    table.put(caseRecord(4, { StatusId: CLOSED }));
    table.put(caseRecord(20_000, { StatusId: CLOSED }));
    expect(idsOf(table.lookup('StatusId', CLOSED))).toEqual([0, 4, ...kept.filter((n) => n % 3 === 0 && n > 4), 20_000].map(caseId));
    expect(idsOf([...table.all()]).at(-1)).toBe(caseId(20_000));
  });
});
