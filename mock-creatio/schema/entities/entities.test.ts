import { describe, expect, it } from 'vitest';
import { ENTITIES, SCHEMA } from './index';

describe('ENTITIES', () => {
  it('gives every entity the base columns, system except Id', () => {
    for (const def of ENTITIES) {
      const col = (name: string) => SCHEMA.column(def.name, name);
      expect(col('Id')).toMatchObject({ type: 'Edm.Guid' });
      expect(col('Id')?.system).toBeUndefined();
      for (const name of ['CreatedOn', 'CreatedById', 'ModifiedOn', 'ModifiedById', 'ProcessListeners']) {
        expect(col(name)?.system, `${def.name}.${name}`).toBe(true);
      }
      expect(SCHEMA.navigation(def.name, 'CreatedBy')?.lookup?.entity).toBe('Contact');
      expect(col(def.displayColumn), `${def.name} display`).toBeDefined();
    }
  });

  it('points every lookup at an entity that exists, through a nav named like the column without Id', () => {
    for (const def of ENTITIES) {
      const names = def.columns.map((c) => c.name);
      expect(new Set(names).size, def.name).toBe(names.length);
      for (const col of def.columns) {
        if (!col.lookup) continue;
        expect(SCHEMA.entity(col.lookup.entity), `${def.name}.${col.name}`).toBeDefined();
        expect(`${col.lookup.nav}Id`).toBe(col.name);
        expect(col.type).toBe('Edm.Guid');
      }
    }
  });

  it('models the Case columns of reference §3.1', () => {
    expect(SCHEMA.column('Case', 'Number')).toMatchObject({ system: true, default: { kind: 'sequence', prefix: 'SR', digits: 8 } });
    expect(SCHEMA.column('Case', 'Subject')).toMatchObject({ required: true, maxLength: 500 });
    expect(SCHEMA.navigation('Case', 'Group')?.lookup?.entity).toBe('SysAdminUnit');
    expect(SCHEMA.column('Case', 'Description')).toBeUndefined();
    expect(SCHEMA.column('Activity', 'Recepient')).toBeDefined();
    expect(SCHEMA.navigation('Activity', 'MessageType')?.lookup?.entity).toBe('EmailType');
  });
});
