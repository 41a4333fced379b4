import { describe, expect, it } from 'vitest';
import { fillWithSamples, isJsonContentType, listReferences, planReference, resolveTemplate, SAMPLE_GUID } from './parameters';
import { activity, CASE_STATUS, SEED_CASE, seededSource } from './processes.test-support';

const { model, source, caseRecord } = seededSource();
const resolve = (entity: string, record: Record<string, string | number | boolean>, template: string, contentType = 'application/json') =>
  resolveTemplate({ model, store: source, entity, record, template, contentType });

describe('parameter references', () => {
  it('lists distinct references in order', () => {
    expect(listReferences('[#A#] [# B.C #] [#A#]')).toEqual(['A', 'B.C']);
  });

  it('resolves the seed body on an Activity through its CaseId', () => {
    const r = resolve('Activity', activity(), '{"event_type":"new_activity","caseId":"[#Case.Id#]"}');
    expect(r).toEqual({ ok: true, body: `{"event_type":"new_activity","caseId":"${SEED_CASE.PortalLogin}"}`, parameters: { 'Case.Id': SEED_CASE.PortalLogin } });
  });

  it('resolves RecordId, <Signal>.RecordId, own columns and the entity itself', () => {
    const a = activity();
    const r = resolve('Activity', a, '[#RecordId#]|[#StartSignal1.RecordId#]|[#Title#]|[#Activity.TypeId#]|[#CaseId#]');
    expect(r.ok && r.body).toBe(`${a.Id}|${a.Id}|Reply|${a.TypeId}|${SEED_CASE.PortalLogin}`);
    const c = resolve('Case', caseRecord, '[#Case.Id#]');
    expect(c.ok && c.body).toBe(SEED_CASE.PortalLogin);
  });

  it('follows dotted paths through lookups', () => {
    const r = resolve('Activity', activity(), '[#Case.Status.Name#] [#Case.StatusId#]');
    expect(r.ok && r.body).toBe(`In progress ${CASE_STATUS.InProgress}`);
  });

  it('JSON-escapes values for a JSON body, leaves them as they are otherwise', () => {
    const a = activity({ Title: 'He said "hi"\n\\o/' });
    const json = resolve('Activity', a, '{"t":"[#Title#]"}');
    expect(json.ok && JSON.parse(json.body)).toEqual({ t: 'He said "hi"\n\\o/' });
    const text = resolve('Activity', a, '[#Title#]', 'text/plain');
    expect(text.ok && text.body).toBe('He said "hi"\n\\o/');
  });

  it('fails the run on an empty lookup, a missing record, an unknown name or an empty value', () => {
    const empty = resolve('Activity', activity({ CaseId: '00000000-0000-0000-0000-000000000000' }), '[#Case.Id#]');
    expect(empty).toMatchObject({ ok: false, errors: ['[#Case.Id#]: Activity.CaseId is empty'] });
    const missing = resolve('Activity', activity({ CaseId: 'c5e1ab00-dead-4000-8000-000000000000' }), '[#Case.Id#]');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.errors[0]).toMatch(/does not exist/);
    const unknown = resolve('Activity', activity(), '[#Nope.Id#] [#Bogus#]');
    expect(!unknown.ok && unknown.errors).toHaveLength(2);
    const blank = resolve('Activity', activity({ Body: '' }), '[#Body#]');
    expect(!blank.ok && blank.errors[0]).toMatch(/is empty/);
  });

  it('refuses an entity name that several lookups point at', () => {
    const planned = planReference(model, 'Activity', 'SysAdminUnit.Id');
    expect(planned.ok).toBe(false);
  });

  it('fills samples by column type for the checks', () => {
    const filled = fillWithSamples(model, 'Activity', '{"caseId":"[#Case.Id#]","t":"[#Title#]"}', 'application/json');
    expect(JSON.parse(filled.text)).toEqual({ caseId: SAMPLE_GUID, t: 'sample "text"' });
    expect(fillWithSamples(model, 'Activity', '[#Zip#]', 'application/json').errors).toHaveLength(1);
  });

  it('recognises JSON content types', () => {
    expect(isJsonContentType('application/json; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/problem+json')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
  });
});
