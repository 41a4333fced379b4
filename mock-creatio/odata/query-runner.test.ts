import { describe, expect, it } from 'vitest';
import type { EntityRecord } from '../schema/schema.types';
import { EMPTY_GUID } from '../schema/schema.types';
import { createSchemaModel } from '../schema/model';
import { FUZZ_ENTITIES, canonicalDate } from '../../test/support/odata-fuzz/fuzz-schema';
import { createMemoryTable } from '../../test/support/odata-fuzz/memory-table';
import { A, C, createSmallDataset, K, S } from '../../test/support/odata-fuzz/small-dataset';
import { parseQueryOptions } from './query-options';
import { runQuery } from './query-runner';
import { serializeRecord } from './serialize';

const small = { ...createSmallDataset(), model: createSchemaModel(FUZZ_ENTITIES) };

function query(entity: string, q: string) {
  const options = parseQueryOptions(small.model, entity, new URLSearchParams(q));
  return runQuery(small.model, small.tableOf, entity, options);
}
const ids = (entity: string, q: string) => query(entity, q).rows.map((r) => r.Id);

describe('runQuery', () => {
  it('keeps insertion order without $orderby and sorts stably with it', () => {
    expect(ids('Activity', '')).toEqual([A.One, A.Two, A.Three, A.Four]);
    expect(ids('Activity', '$orderby=CreatedOn')).toEqual([A.Four, A.Two, A.One, A.Three]);
    expect(ids('Activity', '$orderby=CreatedOn desc')).toEqual([A.Three, A.One, A.Two, A.Four]);
    // equal keys keep insertion order
    expect(ids('Activity', '$orderby=IsHtmlBody')).toEqual([A.Two, A.Three, A.Four, A.One]);
  });

  it('sorts nulls first ascending, through navigation, text case-insensitively, several keys', () => {
    expect(ids('Activity', '$orderby=StartDate')).toEqual([A.Three, A.Two, A.One, A.Four]);
    expect(ids('Activity', '$orderby=Case/Contact/Name desc,Title')).toEqual([A.Two, A.One, A.Four, A.Three]);
    expect(ids('Case', '$orderby=Subject')).toEqual([K.Three, K.One, K.Two]);
    expect(ids('Case', '$orderby=StatusId desc,Priority desc')).toEqual([K.Two, K.One, K.Three]);
  });

  it('applies skip and top after counting', () => {
    const r = query('Activity', '$orderby=CreatedOn&$skip=1&$top=2&$count=true');
    expect(r.rows.map((x) => x.Id)).toEqual([A.Two, A.One]);
    expect(r.count).toBe(4);
    expect(query('Activity', '$top=0&$count=true')).toEqual({ rows: [], count: 4 });
    expect(query('Activity', '$top=2').count).toBeUndefined();
    expect(ids('Activity', '$skip=10')).toEqual([]);
  });

  it('starts from the index for <Column> eq <literal> in the top-level AND chain', () => {
    const before = small.tables.get('Activity')?.lookups ?? 0;
    expect(ids('Activity', `$filter=CaseId eq ${K.One} and DurationInMinutes gt 10&$orderby=CreatedOn`)).toEqual([A.Two]);
    expect(small.tables.get('Activity')?.lookups).toBe(before + 1);
    expect(ids('Activity', `$filter=CaseId eq ${K.One} or DurationInMinutes eq 12`)).toEqual([A.One, A.Two, A.Four]);
    expect(small.tables.get('Activity')?.lookups).toBe(before + 1); // an OR cannot use it
    expect(ids('Case', `$filter=Id eq ${K.Two} and Priority eq 5`)).toEqual([K.Two]);
  });

  it('uses lookup() instead of a scan over 100,000 activities', () => {
    const cases = Array.from({ length: 1000 }, (_, i) => `cacacaca-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const rows: EntityRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      Id: `acacacac-0000-0000-0000-${String(i).padStart(12, '0')}`, Title: `t${i}`, CaseId: cases[i % 1000] as string,
      OwnerId: EMPTY_GUID, StartDate: canonicalDate(Date.UTC(2026, 0, 1) + i * 1000), DurationInMinutes: i % 60,
      IsHtmlBody: false, Body: '', CreatedOn: canonicalDate(Date.UTC(2026, 0, 1) + ((i * 7919) % 100_000) * 1000),
    }));
    const def = FUZZ_ENTITIES.find((e) => e.name === 'Activity');
    const table = createMemoryTable(def as (typeof FUZZ_ENTITIES)[number], rows);
    let scanned = 0;
    const all = table.all.bind(table);
    table.all = () => { scanned += 1; return all(); };
    const model = createSchemaModel(FUZZ_ENTITIES);
    const options = parseQueryOptions(model, 'Activity', new URLSearchParams(`$filter=CaseId eq ${cases[7]}&$orderby=CreatedOn`));
    const result = runQuery(model, (e) => (e === 'Activity' ? table : undefined), 'Activity', options);
    expect(result.rows).toHaveLength(100);
    expect(result.rows.every((r) => r.CaseId === cases[7])).toBe(true);
    const created = result.rows.map((r) => r.CreatedOn as string);
    expect([...created].sort()).toEqual(created);
    expect(scanned).toBe(0);
  });
});

describe('serializeRecord', () => {
  const rec = (entity: string, id: string) => small.tableOf(entity)?.get(id) as EntityRecord;
  const ser = (entity: string, id: string, q: string) => {
    const o = parseQueryOptions(small.model, entity, new URLSearchParams(q));
    return serializeRecord(small.model, small.tableOf, entity, rec(entity, id), {
      ...(o.select ? { select: o.select } : {}), ...(o.expand ? { expand: o.expand } : {}),
    });
  };

  it('writes every column in definition order, or only the selected ones (still in column order)', () => {
    expect(Object.keys(ser('CaseStatus', S.New, ''))).toEqual(['Id', 'Name', 'IsFinal', 'StageNumber']);
    expect(ser('CaseStatus', S.New, '$select=StageNumber,Name')).toEqual({ Name: 'New', StageNumber: 1 });
    expect(Object.keys(ser('CaseStatus', S.New, '$select=StageNumber,Name'))).toEqual(['Name', 'StageNumber']);
  });

  it('nests expanded navigation with their own select/expand; empty or dangling lookups are null', () => {
    expect(ser('Case', K.One, '$select=Number&$expand=Status($select=Name),Contact($select=Name;$expand=Manager($select=Name))')).toEqual({
      Number: 'SR00000001', Status: { Name: 'New' }, Contact: { Name: 'Alice', Manager: { Name: "Bob O'Brien" } },
    });
    expect(ser('Case', K.Two, '$select=Id&$expand=Contact,Owner')).toEqual({ Id: K.Two, Contact: null, Owner: null });
    expect(ser('Case', K.Three, '$select=Id&$expand=Owner')).toEqual({ Id: K.Three, Owner: rec('Contact', C.Alice) });
  });
});
