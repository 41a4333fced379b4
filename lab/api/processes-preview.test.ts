/** `POST /api/processes/preview` is forwarded to the site's preview (docs/lab-api.md), checked against the contract first. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LabError, ProcessPreview } from '../../contract';
import { type FakeLabServer, startFakeLab } from './fake-lab.test-support';

let t: FakeLabServer;
beforeAll(async () => {
  t = await startFakeLab();
});
afterAll(async () => {
  await t.close();
});

const process = {
  signal: { entity: 'Case', event: 'modified', changedColumns: ['StatusId'] },
  callWebService: { url: 'http://127.0.0.1:9/backend/creatio/webhook/s3cr3t-t0ken', body: '{"event_type":"case_closed","caseId":"[#Case.Id#]","n":"[#Number#]"}' },
};

describe('POST /api/processes/preview', () => {
  it("answers the site's rendering of the request for a record, token masked", async () => {
    const caseId = ((await (await t.api('/api/creatio/odata/Case?$select=Id&$top=1')).json()) as { value: { Id: string }[] }).value[0]!.Id;
    const answer = await t.api('/api/processes/preview', { method: 'POST', json: { process, recordId: caseId } });
    expect(answer.status).toBe(200);
    const preview = ProcessPreview.parse(await answer.json());
    expect(preview.request?.url).toBe('http://127.0.0.1:9/backend/creatio/webhook/***');
    expect(preview.request?.body).toMatch(new RegExp(`^\\{"event_type":"case_closed","caseId":"${caseId}","n":"SR\\d+"\\}$`));
    expect(preview.record).toEqual({ entity: 'Case', id: caseId });
  });

  it('refuses a body the contract does not accept, naming the field', async () => {
    const answer = await t.api('/api/processes/preview', { method: 'POST', json: { process, recordId: 7 } });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(LabError.parse(await answer.json()).error)).toContain('recordId');
    const checksOnly = ProcessPreview.parse(await (await t.api('/api/processes/preview', { method: 'POST', json: { process } })).json());
    expect(checksOnly).toEqual({ checks: { errors: [], warnings: [] }, parameters: {} });
  });
});
