import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthClient, type CreatioClient } from '../support/creatio-client';
import { startTestSite, type TestSite } from '../support/creatio-site';

// Conformance: service document and $metadata (reference/creatio-api.md §1.1, facts 1 and 4).
let t: TestSite;
let client: CreatioClient;
beforeAll(async () => {
  t = await startTestSite();
  client = await oauthClient(t.url);
});
afterAll(() => t.cleanup());

const ENTITY_SETS = ['Case', 'Activity', 'Contact', 'Account', 'SysAdminUnit', 'CaseStatus', 'CasePriority', 'CaseOrigin',
  'CaseCategory', 'ClosureCode', 'ActivityType', 'ActivityStatus', 'ActivityCategory', 'ActivityPriority'];

describe('service document', () => {
  it.each(['/0/odata/', '/odata/'])('lists every entity set at %s', async (root) => {
    const reply = await fetch(`${t.url}${root}`, { headers: client.authHeaders() });
    expect(reply.status).toBe(200);
    const body = (await reply.json()) as { '@odata.context': string; value: { name: string; kind: string; url: string }[] };
    expect(body['@odata.context']).toMatch(/\/\$metadata$/);
    const names = body.value.map((v) => v.name);
    for (const name of ENTITY_SETS) expect(names).toContain(name);
    expect(body.value.find((v) => v.name === 'Case')).toEqual({ name: 'Case', kind: 'EntitySet', url: 'Case' });
  });

  it('needs authentication like every OData path', async () => {
    const reply = await fetch(`${t.url}/0/odata/`);
    expect(reply.status).toBe(401);
  });
});

describe('$metadata', () => {
  let xml = '';
  beforeAll(async () => {
    const reply = await client.get('$metadata');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/application\/xml/);
    xml = reply.text;
  });

  it('is an EDMX 4.0 document in the Terrasoft.Configuration.OData namespace', () => {
    expect(xml).toMatch(/<edmx:Edmx[^>]+Version="4\.0"/);
    expect(xml).toContain('Namespace="Terrasoft.Configuration.OData"');
  });

  it('declares each entity type with key Id and an entity set', () => {
    for (const name of ENTITY_SETS) {
      expect(xml).toMatch(new RegExp(`<EntityType Name="${name}"[^>]*>\\s*<Key>\\s*<PropertyRef Name="Id"\\s*/>`));
      expect(xml).toMatch(new RegExp(`<EntitySet Name="${name}" EntityType="Terrasoft\\.Configuration\\.OData\\.${name}"`));
    }
  });

  it('shows a lookup both as the XxxId Guid property and as a navigation property', () => {
    const caseType = /<EntityType Name="Case"[\s\S]*?<\/EntityType>/.exec(xml)?.[0] ?? '';
    expect(caseType).toMatch(/<Property Name="StatusId" Type="Edm\.Guid"/);
    expect(caseType).toMatch(/<NavigationProperty Name="Status" Type="Terrasoft\.Configuration\.OData\.CaseStatus"/);
    expect(caseType).toMatch(/<ReferentialConstraint Property="StatusId" ReferencedProperty="Id"/);
    expect(caseType).toMatch(/<Property Name="RegisteredOn" Type="Edm\.DateTimeOffset"/);
    expect(caseType).toMatch(/<Property Name="Subject" Type="Edm\.String"/);
  });

  it('matches what the server answers: every declared Case property is selectable', async () => {
    const caseType = /<EntityType Name="Case"[\s\S]*?<\/EntityType>/.exec(xml)?.[0] ?? '';
    const properties = [...caseType.matchAll(/<Property Name="(\w+)"/g)].map((m) => m[1]!);
    expect(properties.length).toBeGreaterThan(20);
    const reply = await client.get(`Case?$top=1&$select=${properties.join(',')}`);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.json.value[0]).sort()).toEqual([...properties].sort());
  });
});
