/** The editor's pure parts: $metadata parsing, `[#...#]` completion, and the draft's round trip. */
import { describe, expect, it } from 'vitest';
import { applySuggestion, completionAt } from './completion';
import { addItem, draftFromProcess, emptyCondition, maskWebhookToken, newDraft, toDefinition, updateItem } from './draft';
import { columnAt, filterPaths, lookupTargetOf, parseMetadata } from './entity-model';

const XML = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0"><edmx:DataServices><Schema Namespace="Terrasoft.Configuration.OData">
  <EntityType Name="Activity"><Key><PropertyRef Name="Id" /></Key>
    <Property Name="Id" Type="Edm.Guid" Nullable="false" />
    <Property Name="Title" Type="Edm.String" MaxLength="500" />
    <Property Name="TypeId" Type="Edm.Guid" />
    <Property Name="CaseId" Type="Edm.Guid" />
    <NavigationProperty Name="Type" Type="Terrasoft.Configuration.OData.ActivityType">
      <ReferentialConstraint Property="TypeId" ReferencedProperty="Id" />
    </NavigationProperty>
    <NavigationProperty Name="Case" Type="Terrasoft.Configuration.OData.Case">
      <ReferentialConstraint Property="CaseId" ReferencedProperty="Id" />
    </NavigationProperty>
  </EntityType>
  <EntityType Name="ActivityType"><Property Name="Id" Type="Edm.Guid" /><Property Name="Name" Type="Edm.String" /></EntityType>
  <EntityType Name="Case"><Property Name="Id" Type="Edm.Guid" /><Property Name="Number" Type="Edm.String" /><Property Name="StatusId" Type="Edm.Guid" />
    <NavigationProperty Name="Status" Type="Terrasoft.Configuration.OData.CaseStatus"><ReferentialConstraint Property="StatusId" ReferencedProperty="Id" /></NavigationProperty>
  </EntityType>
  <EntityType Name="CaseStatus"><Property Name="Id" Type="Edm.Guid" /><Property Name="Name" Type="Edm.String" /></EntityType>
</Schema></edmx:DataServices></edmx:Edmx>`;
const model = parseMetadata(XML);

describe('entity model from $metadata', () => {
  it('reads columns and lookups with the column holding the Id', () => {
    expect(model.Activity!.columns.map((c) => c.name)).toEqual(['Id', 'Title', 'TypeId', 'CaseId']);
    expect(model.Activity!.lookups).toEqual([{ nav: 'Type', column: 'TypeId', target: 'ActivityType' }, { nav: 'Case', column: 'CaseId', target: 'Case' }]);
    expect(parseMetadata('not xml')).toEqual({});
  });

  it('offers filter paths through lookups and finds what a path names', () => {
    expect(filterPaths(model, 'Activity')).toEqual(expect.arrayContaining(['Title', 'Type/Name', 'Case/Number', 'Case/StatusId']));
    expect(filterPaths(model, 'Activity')).not.toContain('Case/Status/Name');
    expect(columnAt(model, 'Activity', 'Case/Status/Name')).toEqual({ name: 'Name', type: 'Edm.String' });
    expect(columnAt(model, 'Activity', 'Case/Nope')).toBeUndefined();
    expect(lookupTargetOf(model, 'Activity', 'TypeId')).toBe('ActivityType');
    expect(lookupTargetOf(model, 'Activity', 'Case/StatusId')).toBe('CaseStatus');
  });
});

describe('[#...#] completion', () => {
  it('offers RecordId, lookups and columns after [#, filtered by what was typed', () => {
    const text = '{"caseId":"[#';
    const all = completionAt(text, text.length, model, 'Activity')!;
    expect(all.options.map((o) => o.label)).toEqual(['RecordId', 'Type', 'Case', 'Id', 'Title', 'TypeId', 'CaseId']);
    const typed = completionAt(`${text}Ca`, text.length + 2, model, 'Activity')!;
    expect(typed.options.map((o) => o.label)).toEqual(['Case', 'CaseId']);
    expect(completionAt('{"a":"[#Case.Id#]"}', 18, model, 'Activity')).toBeNull();
    expect(completionAt('no reference', 5, model, 'Activity')).toBeNull();
  });

  it('follows lookups (and the object itself) and closes a column with #]', () => {
    const text = '{"s":"[#Case.St';
    const completion = completionAt(text, text.length, model, 'Activity')!;
    expect(completion.options.map((o) => o.label)).toEqual(['Status', 'StatusId']);
    const lookup = applySuggestion(`${text}"}`, text.length, completion, completion.options[0]!);
    expect(lookup.text).toBe('{"s":"[#Case.Status."}');
    const next = completionAt(lookup.text, lookup.caret, model, 'Activity')!;
    const closed = applySuggestion(lookup.text, lookup.caret, next, next.options.find((o) => o.label === 'Name')!);
    expect(closed).toEqual({ text: '{"s":"[#Case.Status.Name#]"}', caret: 26 });
    expect(completionAt('[#Activity.Ti', 13, model, 'Activity')!.options.map((o) => o.label)).toEqual(['Title']);
  });

  it('does not type #] twice when it is already there', () => {
    const text = '[#Ti#]';
    const completion = completionAt(text, 4, model, 'Activity')!;
    expect(applySuggestion(text, 4, completion, completion.options[0]!)).toEqual({ text: '[#Title#]', caret: 9 });
  });
});

describe('the draft', () => {
  it('round-trips a process, nested filter groups included', () => {
    const process = {
      id: 'p1', name: 'Agent reply', active: false, warnings: [],
      signal: { entity: 'Activity', event: 'added' as const, filter: { logic: 'and', conditions: [
        { logic: 'or', conditions: [{ column: 'TypeId', op: 'eq', value: 'e2' }, { column: 'Type/Name', op: 'eq', value: 'Task' }] },
        { column: 'CaseId', op: 'notEmpty' }] } },
      callWebService: { url: 'http://h/backend/creatio/webhook/***', method: 'POST' as const, contentType: 'application/json', headers: { 'X-Api-Key': '***' }, body: '{}' },
    };
    const { id: _id, warnings: _w, ...definition } = process;
    expect(toDefinition(draftFromProcess(process))).toEqual(definition);
  });

  it('sends the secret URL only while the field shows it masked', () => {
    const secret = 'http://127.0.0.1:4100/backend/creatio/webhook/abc123';
    const draft = { ...newDraft(), url: maskWebhookToken(secret), secretUrl: secret };
    expect(draft.url).toBe('http://127.0.0.1:4100/backend/creatio/webhook/***');
    expect(toDefinition(draft).callWebService.url).toBe(secret);
    expect(toDefinition({ ...draft, url: 'http://elsewhere/hook' }).callWebService.url).toBe('http://elsewhere/hook');
  });

  it('adds, edits and removes conditions anywhere in the tree; no conditions = no filter', () => {
    const draft = newDraft();
    expect(toDefinition(draft).signal.filter).toBeUndefined();
    const condition = emptyCondition('Title');
    let filter = addItem(draft.filter, draft.filter.key, condition);
    filter = updateItem(filter, condition.key, (c) => ({ ...c, op: 'contains', value: 'Re:' }) as typeof c);
    expect(toDefinition({ ...draft, filter }).signal.filter).toEqual({ logic: 'and', conditions: [{ column: 'Title', op: 'contains', value: 'Re:' }] });
    filter = updateItem(filter, condition.key, () => null);
    expect(filter.items).toEqual([]);
  });
});
