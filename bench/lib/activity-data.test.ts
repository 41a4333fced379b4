import { describe, expect, it } from 'vitest';
import { ACTIVITIES_PER_CASE, FALLBACK_COLUMNS, generateActivities } from './activity-data';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const take = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.guid());
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('generateActivities', () => {
  const data = generateActivities({ count: 2_000, columns: FALLBACK_COLUMNS });

  it('is deterministic', () => {
    expect(generateActivities({ count: 2_000, columns: FALLBACK_COLUMNS })).toEqual(data);
  });

  it('fills exactly the given columns, in their order, with canonical values', () => {
    const row = data.rows[0] ?? {};
    expect(Object.keys(row)).toEqual(FALLBACK_COLUMNS.map((c) => c.name));
    expect(row.SendDate).toBe('0001-01-01T00:00:00Z');
    expect(row.ResultId).toBe('00000000-0000-0000-0000-000000000000');
    expect(String(row.CreatedOn)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
  });

  it('spreads the rows over count / 100 cases, with unique ids', () => {
    expect(data.caseIds).toHaveLength(2_000 / ACTIVITIES_PER_CASE);
    expect(new Set(data.rows.map((r) => r.Id)).size).toBe(2_000);
    const used = new Set(data.rows.map((r) => r.CaseId));
    expect([...used].every((id) => data.caseIds.includes(String(id)))).toBe(true);
    expect(used.size).toBe(data.caseIds.length);
  });

  it('cuts text to a column maxLength', () => {
    const short = generateActivities({ count: 10, columns: [{ name: 'Body', type: 'Edm.String', maxLength: 5 }] });
    expect(short.rows.every((r) => String(r.Body).length <= 5)).toBe(true);
  });
});
