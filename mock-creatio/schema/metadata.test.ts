import { describe, expect, it } from 'vitest';
import { buildMetadataXml, buildServiceDocument } from './metadata';
import { ENTITIES, SCHEMA } from './entities/index';
import { createSchemaModel } from './model';

const xml = buildMetadataXml(SCHEMA);

/** A DOM-less well-formedness check: every element closes, in order. */
function unbalancedTags(text: string): string[] {
  const stack: string[] = [];
  const problems: string[] = [];
  for (const m of text.matchAll(/<(\/?)([A-Za-z:]+)[^>]*?(\/?)>/g)) {
    const [, closing, name = '', selfClosing] = m;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) problems.push(name);
  }
  return [...problems, ...stack];
}

/** The XML of one EntityType. */
function entityType(name: string): string {
  const m = new RegExp(`<EntityType Name="${name}">([\\s\\S]*?)</EntityType>`).exec(xml);
  if (!m?.[1]) throw new Error(`no EntityType ${name}`);
  return m[1];
}

describe('buildMetadataXml', () => {
  it('is an EDMX 4.0 document in the Terrasoft.Configuration.OData namespace', () => {
    expect(xml).toContain('<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">');
    expect(xml).toContain('<Schema Namespace="Terrasoft.Configuration.OData"');
    expect(unbalancedTags(xml)).toEqual([]);
  });

  it('describes every entity: key, properties, a navigation property per lookup', () => {
    for (const def of ENTITIES) {
      const body = entityType(def.name);
      expect(body).toContain('<Key>\n          <PropertyRef Name="Id" />');
      expect(body.match(/<Property /g)).toHaveLength(def.columns.length);
      for (const col of def.columns) {
        expect(body).toContain(`<Property Name="${col.name}" Type="${col.type}"`);
        if (!col.lookup) continue;
        expect(body).toContain(
          `<NavigationProperty Name="${col.lookup.nav}" Type="Terrasoft.Configuration.OData.${col.lookup.entity}">\n` +
            `          <ReferentialConstraint Property="${col.name}" ReferencedProperty="Id" />`,
        );
      }
      expect(body.match(/<NavigationProperty /g) ?? []).toHaveLength(def.columns.filter((c) => c.lookup).length);
    }
  });

  it('marks keys, numbers and booleans non-nullable and gives text its MaxLength', () => {
    const body = entityType('Case');
    expect(body).toContain('<Property Name="Id" Type="Edm.Guid" Nullable="false" />');
    expect(body).toContain('<Property Name="Subject" Type="Edm.String" MaxLength="500" />');
    expect(body).toContain('<Property Name="ResponseOverdue" Type="Edm.Boolean" Nullable="false" />');
    expect(body).toContain('<Property Name="StatusId" Type="Edm.Guid" />');
  });

  it('has an entity set per entity with its navigation bindings', () => {
    for (const def of ENTITIES) {
      expect(xml).toContain(`<EntitySet Name="${def.name}" EntityType="Terrasoft.Configuration.OData.${def.name}"`);
    }
    expect(xml).toMatch(/<EntitySet Name="Case"[^>]*>[\s\S]*?<NavigationPropertyBinding Path="Status" Target="CaseStatus" \/>/);
    expect(xml.match(/<EntitySet /g)).toHaveLength(ENTITIES.length);
  });

  it('is generated from the definitions, escaping attribute text', () => {
    const model = createSchemaModel([{ name: 'Odd', displayColumn: 'Id', columns: [{ name: 'Id', type: 'Edm.Guid' }, { name: 'A"<&', type: 'Edm.String' }] }]);
    const out = buildMetadataXml(model);
    expect(out).toContain('<Property Name="A&quot;&lt;&amp;" Type="Edm.String" />');
    expect(out).toContain('<EntitySet Name="Odd" EntityType="Terrasoft.Configuration.OData.Odd" />');
  });
});

describe('buildServiceDocument', () => {
  it('lists every entity set by name', () => {
    const doc = buildServiceDocument(SCHEMA, 'http://127.0.0.1:1/0/odata/$metadata');
    expect(doc['@odata.context']).toBe('http://127.0.0.1:1/0/odata/$metadata');
    expect(doc.value).toHaveLength(ENTITIES.length);
    expect(doc.value[0]).toEqual({ name: 'Case', kind: 'EntitySet', url: 'Case' });
    expect(doc.value.map((v) => v.name)).toEqual(ENTITIES.map((e) => e.name));
  });
});
