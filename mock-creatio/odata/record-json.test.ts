import { describe, expect, it } from 'vitest';
import { createSchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import { FUZZ_ENTITIES } from '../../test/support/odata-fuzz/fuzz-schema';
import { createSmallDataset } from '../../test/support/odata-fuzz/small-dataset';
import { collectionJsonBytes, entityJson, recordJson, recordJsonBytes, recordJsonCache } from './record-json';
import { serializeRecord } from './serialize';

const small = { ...createSmallDataset(), model: createSchemaModel(FUZZ_ENTITIES) };
const objectForm = (entity: string, record: EntityRecord) => serializeRecord(small.model, small.tableOf, entity, record, {});
const activities = () => [...(small.tableOf('Activity')?.all() ?? [])];

describe('record JSON splicing', () => {
  it('gives exactly JSON.stringify of the object form, for one entity and for a collection', () => {
    const rows = activities();
    expect(rows.length).toBeGreaterThan(1);
    const context = { '@odata.context': 'http://127.0.0.1:1/0/odata/$metadata#Activity/$entity' };
    for (const row of rows) {
      expect(entityJson(context, recordJson(small.model, small.tableOf, 'Activity', row)))
        .toBe(JSON.stringify({ ...context, ...objectForm('Activity', row) }));
    }
    const head = { '@odata.context': 'http://127.0.0.1:1/0/odata/$metadata#Activity', '@odata.count': rows.length };
    const bytes = rows.map((row) => recordJsonBytes(small.model, small.tableOf, 'Activity', row));
    const collection = (annotations: Record<string, unknown>, records: Buffer[]) => Buffer.concat(collectionJsonBytes(annotations, records)).toString('utf8');
    expect(collection(head, bytes)).toBe(JSON.stringify({ ...head, value: rows.map((row) => objectForm('Activity', row)) }));
    expect(collection(head, [])).toBe(JSON.stringify({ ...head, value: [] }));
    expect(collection({}, bytes)).toBe(JSON.stringify({ value: rows.map((row) => objectForm('Activity', row)) }));
  });

  it('handles empty records and annotations', () => {
    const context = { '@odata.context': 'x' };
    expect(entityJson(context, '{}')).toBe(JSON.stringify(context));
    expect(entityJson({}, '{"Id":"a"}')).toBe('{"Id":"a"}');
  });

  it('caches the text of a frozen (stored) record only', () => {
    const row = activities()[0] as EntityRecord;
    const frozen = Object.freeze({ ...row });
    const first = recordJson(small.model, small.tableOf, 'Activity', frozen);
    expect(recordJson(small.model, small.tableOf, 'Activity', frozen)).toBe(first);
    const open: EntityRecord = { ...row };
    const before = recordJson(small.model, small.tableOf, 'Activity', open);
    open.Title = 'changed';
    // A record that is not frozen may still change: its text is computed again each time.
    expect(recordJson(small.model, small.tableOf, 'Activity', open)).not.toBe(before);
    expect(JSON.parse(recordJson(small.model, small.tableOf, 'Activity', open)).Title).toBe('changed');
  });
});

describe('the cache beyond the hottest records', () => {
  it('gives the same text back from its bytes, non-ASCII text included', () => {
    const saved = recordJsonCache.hotTexts;
    recordJsonCache.hotTexts = 0; // no record keeps its string: every hit decodes the stored bytes
    try {
      const rows = activities().map((row, i): EntityRecord => Object.freeze(i === 0 ? { ...row, Title: 'Grüße — 東京 🚚' } : { ...row }));
      const first = rows.map((row) => recordJson(small.model, small.tableOf, 'Activity', row));
      const again = rows.map((row) => recordJson(small.model, small.tableOf, 'Activity', row));
      expect(again).toEqual(first);
      expect(JSON.parse(again[0]!).Title).toBe('Grüße — 東京 🚚');
      expect(again).toEqual(rows.map((row) => JSON.stringify(objectForm('Activity', row))));
    } finally {
      recordJsonCache.hotTexts = saved;
    }
  });
});

describe('recordJsonBytes', () => {
  it('hands out the cached bytes of a stored record, the same text recordJson gives, and fresh bytes after an update', () => {
    const row = Object.freeze({ ...(activities()[1] as EntityRecord), Title: 'Grüße — 東京 🚚' });
    const bytes = recordJsonBytes(small.model, small.tableOf, 'Activity', row);
    expect(recordJsonBytes(small.model, small.tableOf, 'Activity', row)).toBe(bytes);
    expect(bytes.toString('utf8')).toBe(recordJson(small.model, small.tableOf, 'Activity', row));
    const updated = Object.freeze({ ...row, Title: 'changed' });
    expect(JSON.parse(recordJsonBytes(small.model, small.tableOf, 'Activity', updated).toString('utf8')).Title).toBe('changed');
    const open: EntityRecord = { ...row };
    expect(recordJsonBytes(small.model, small.tableOf, 'Activity', open)).not.toBe(recordJsonBytes(small.model, small.tableOf, 'Activity', open));
  });
});
