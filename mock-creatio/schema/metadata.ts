import type { SchemaModel } from './model';
import type { ColumnDef, EntityDef } from './schema.types';
import { edmTypeName } from './schema.types';
import { isNullable } from './empty-values';

/**
 * `$metadata` and the service document, generated from the entity definitions
 * (reference/creatio-api.md §1.1: `GET /0/odata/$metadata` is EDMX XML, `GET /0/odata/` lists the
 * collections; EDM type names are `Terrasoft.Configuration.OData.{Entity}`, SUMMARY fact 1).
 */

const NAMESPACE = 'Terrasoft.Configuration.OData';

function xmlAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function propertyXml(col: ColumnDef): string {
  const attrs = [`Name="${xmlAttr(col.name)}"`, `Type="${col.type}"`];
  if (!isNullable(col)) attrs.push('Nullable="false"');
  if (col.maxLength !== undefined) attrs.push(`MaxLength="${col.maxLength}"`);
  return `        <Property ${attrs.join(' ')} />`;
}

function navigationXml(col: ColumnDef): string[] {
  if (!col.lookup) return [];
  return [
    `        <NavigationProperty Name="${xmlAttr(col.lookup.nav)}" Type="${xmlAttr(edmTypeName(col.lookup.entity))}">`,
    `          <ReferentialConstraint Property="${xmlAttr(col.name)}" ReferencedProperty="Id" />`,
    '        </NavigationProperty>',
  ];
}

function entityTypeXml(def: EntityDef): string[] {
  return [
    `      <EntityType Name="${xmlAttr(def.name)}">`,
    '        <Key>',
    '          <PropertyRef Name="Id" />',
    '        </Key>',
    ...def.columns.map(propertyXml),
    ...def.columns.flatMap(navigationXml),
    '      </EntityType>',
  ];
}

function entitySetXml(def: EntityDef): string[] {
  const bindings = def.columns.flatMap((col) =>
    col.lookup
      ? [`          <NavigationPropertyBinding Path="${xmlAttr(col.lookup.nav)}" Target="${xmlAttr(col.lookup.entity)}" />`]
      : [],
  );
  const open = `        <EntitySet Name="${xmlAttr(def.name)}" EntityType="${xmlAttr(edmTypeName(def.name))}"`;
  if (bindings.length === 0) return [`${open} />`];
  return [`${open}>`, ...bindings, '        </EntitySet>'];
}

/** The EDMX 4.0 document of every entity: types, keys, properties, lookups and entity sets. */
export function buildMetadataXml(model: SchemaModel): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    `    <Schema Namespace="${NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...model.entities.flatMap(entityTypeXml),
    '      <EntityContainer Name="Default">',
    ...model.entities.flatMap(entitySetXml),
    '      </EntityContainer>',
    '    </Schema>',
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
}

/** The OData service document: one EntitySet entry per entity, named and addressed like it. */
export function buildServiceDocument(
  model: SchemaModel,
  contextUrl: string,
): { '@odata.context': string; value: { name: string; kind: 'EntitySet'; url: string }[] } {
  return {
    '@odata.context': contextUrl,
    value: model.entities.map((def) => ({ name: def.name, kind: 'EntitySet' as const, url: def.name })),
  };
}
