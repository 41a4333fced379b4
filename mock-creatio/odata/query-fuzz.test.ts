import { describe, expect, it } from 'vitest';
import { createSchemaModel } from '../schema/model';
import { ENTITIES, SCHEMA } from '../schema/entities';
import { createSeed } from '../schema/seed';
import { createMemoryTable } from '../../test/support/odata-fuzz/memory-table';
import { createFuzzDataset } from '../../test/support/odata-fuzz/fuzz-schema';
import { generateCase } from '../../test/support/odata-fuzz/generator';
import { createRng } from '../../test/support/odata-fuzz/prng';
import { evaluateReference } from '../../test/support/odata-fuzz/reference-eval';
import { ODataHttpError } from './odata-error';
import { parseQueryOptions } from './query-options';
import { runQuery } from './query-runner';
import { serializeRecord } from './serialize';

/**
 * Acceptance fuzz test: 5,000 seeded query strings (about 60% valid, 40% invalid). Valid ones must
 * match the independent reference evaluator exactly; invalid ones must be a 4xx ODataHttpError.
 * A failure prints the case index and query so it can be replayed.
 */
const dataset = createFuzzDataset(20261124);
const model = createSchemaModel(dataset.entities);
const tableOf = (entity: string) => dataset.tableOf(entity);

function run(entity: string, query: string, schema = model, tables: typeof tableOf = tableOf) {
  const options = parseQueryOptions(schema, entity, new URLSearchParams(query));
  const result = runQuery(schema, tables, entity, options);
  const rows = result.rows.map((r) =>
    serializeRecord(schema, tables, entity, r, {
      ...(options.select ? { select: options.select } : {}),
      ...(options.expand ? { expand: options.expand } : {}),
    }),
  );
  return { ids: result.rows.map((r) => r.Id), rows, count: result.count, options };
}

describe('OData query fuzz (5,000 seeded cases)', () => {
  it('valid queries match the reference evaluator; invalid ones are 4xx ODataHttpErrors', () => {
    const rng = createRng(424242);
    const stats = { valid: 0, invalid: 0, nonEmpty: 0, garbageAccepted: 0 };
    for (let i = 0; i < 5000; i += 1) {
      const c = generateCase(rng, dataset);
      const label = `case #${i} ${c.entity}?${decodeURIComponent(c.query)}`;
      if (c.kind === 'valid') {
        stats.valid += 1;
        let actual;
        try {
          actual = run(c.entity, c.query);
        } catch (err) {
          throw new Error(`${label} threw ${(err as Error).message}`, { cause: err });
        }
        const expected = evaluateReference(dataset, c.spec);
        expect(actual.ids, label).toEqual(expected.ids);
        expect(JSON.stringify(actual.rows), label).toBe(JSON.stringify(expected.rows));
        if (c.spec.count) expect(actual.count, label).toBe(expected.count);
        else expect(actual.count, label).toBeUndefined();
        if (expected.ids.length > 0) stats.nonEmpty += 1;
        continue;
      }
      stats.invalid += 1;
      let thrown: unknown;
      try {
        run(c.entity, c.query);
      } catch (err) {
        thrown = err;
      }
      if (thrown === undefined) {
        if (c.mustFail) throw new Error(`${label} (${c.mutation}) was accepted`);
        stats.garbageAccepted += 1;
        continue;
      }
      expect(thrown, `${label} (${c.mutation})`).toBeInstanceOf(ODataHttpError);
      // The parser's safety net for unexpected exceptions must never be what answered.
      expect((thrown as Error).message, label).not.toContain('could not be parsed');
      const status = (thrown as ODataHttpError).status;
      expect(status >= 400 && status < 500, `${label} status ${status}`).toBe(true);
    }
    // The mix really is mixed and the valid queries really select rows (the test can fail).
    expect(stats.valid).toBeGreaterThan(2700);
    expect(stats.invalid).toBeGreaterThan(1700);
    expect(stats.nonEmpty).toBeGreaterThan(stats.valid / 3);
  });

  it('also holds on the real entity definitions and seed data (1,000 cases)', () => {
    const data = createSeed('2026-11-24T18:00:00.0000000Z');
    const tables = new Map(ENTITIES.map((def) => [def.name, createMemoryTable(def, data[def.name] ?? [])]));
    const realTableOf = (entity: string) => tables.get(entity);
    const info = { entities: ENTITIES, data };
    const rng = createRng(7);
    for (let i = 0; i < 1000; i += 1) {
      const c = generateCase(rng, info);
      const label = `real case #${i} ${c.entity}?${decodeURIComponent(c.query)}`;
      if (c.kind === 'valid') {
        const actual = run(c.entity, c.query, SCHEMA, realTableOf);
        const expected = evaluateReference(info, c.spec);
        expect(actual.ids, label).toEqual(expected.ids);
        expect(JSON.stringify(actual.rows), label).toBe(JSON.stringify(expected.rows));
      } else if (c.mustFail) {
        expect(() => run(c.entity, c.query, SCHEMA, realTableOf), label).toThrow(ODataHttpError);
      }
    }
  });
});
