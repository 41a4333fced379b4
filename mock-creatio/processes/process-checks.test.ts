import { describe, expect, it } from 'vitest';
import { checkProcess } from './process-checks';
import type { BusinessProcess } from './process.schema';
import { agentReplyTemplate, caseClosureTemplate } from './templates';
import { ACTIVITY_TYPE, seededSource } from './processes.test-support';

const { model, source } = seededSource();
const URL = 'http://127.0.0.1:4100/backend/creatio/webhook/secret-token';
const check = (p: BusinessProcess) => checkProcess(p, { model, store: source });
const withCall = (p: BusinessProcess, call: Partial<BusinessProcess['callWebService']>): BusinessProcess => ({ ...p, callWebService: { ...p.callWebService, ...call } });

describe('process checks', () => {
  it('accepts the closure template with no warning', () => {
    expect(check(caseClosureTemplate(URL))).toEqual({ errors: [], warnings: [] });
  });

  it("warns that the agent reply template (Type = Task) also fires on the engine's transcript", () => {
    const result = check(agentReplyTemplate(URL));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]!.message).toMatch(/echo traffic/);
  });

  it('does not warn for an Email-only filter, nor for Type/Name = Email', () => {
    const p = agentReplyTemplate(URL);
    p.signal.filter = { logic: 'and', conditions: [{ column: 'TypeId', op: 'eq', value: ACTIVITY_TYPE.Email }, { column: 'CaseId', op: 'notEmpty' }] };
    expect(check(p).warnings).toEqual([]);
    p.signal.filter = { logic: 'and', conditions: [{ column: 'Type/Name', op: 'eq', value: 'Email' }] };
    expect(check(p).warnings).toEqual([]);
    p.signal.filter = { logic: 'and', conditions: [{ column: 'Type/Name', op: 'eq', value: 'Task' }] };
    expect(check(p).warnings).toHaveLength(1);
  });

  it('names unknown columns with their path', () => {
    const p = agentReplyTemplate(URL);
    p.signal.filter = { logic: 'or', conditions: [{ logic: 'and', conditions: [{ column: 'Kind', op: 'eq', value: 'x' }] }, { column: 'Status/Nope', op: 'empty' }] };
    p.signal.changedColumns = ['Bogus'];
    const paths = check(p).errors.map((e) => e.path);
    expect(paths).toEqual(['signal.changedColumns.0', 'signal.changedColumns', 'signal.filter.conditions.0.conditions.0.column', 'signal.filter.conditions.1.column']);
  });

  it('refuses a body that is not JSON, an unknown event type, a caseId that is not a GUID', () => {
    const base = caseClosureTemplate(URL);
    expect(check(withCall(base, { body: '{"event_type":"case_closed","caseId":"[#Case.Id#]"' })).errors[0]!.message).toMatch(/not valid JSON/);
    expect(check(withCall(base, { body: '{"event_type":"closed","caseId":"[#Case.Id#]"}' })).errors.map((e) => e.path)).toEqual(['callWebService.body.event_type']);
    expect(check(withCall(base, { body: '{"event_type":"case_closed","caseId":"[#Case.Subject#]"}' })).errors.map((e) => e.path)).toEqual(['callWebService.body.caseId']);
    expect(check(withCall(base, { body: '{"event_type":"case_closed","caseId":"[#Case.Nope#]"}' })).errors[0]!.message).toMatch(/Nope/);
  });

  it('refuses a bad URL and a content type other than JSON', () => {
    const base = caseClosureTemplate(URL);
    expect(check(withCall(base, { url: 'not a url' })).errors.map((e) => e.path)).toEqual(['callWebService.url']);
    expect(check(withCall(base, { url: 'ftp://x/y' })).errors.map((e) => e.path)).toEqual(['callWebService.url']);
    expect(check(withCall(base, { contentType: 'text/plain' })).errors.map((e) => e.path)).toEqual(['callWebService.contentType']);
  });

  it('refuses an unknown object', () => {
    const p = caseClosureTemplate(URL);
    p.signal.entity = 'Ticket';
    expect(check(p).errors).toEqual([{ path: 'signal.entity', message: "unknown object 'Ticket'" }]);
  });
});
