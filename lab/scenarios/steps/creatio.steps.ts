/**
 * What agents do in Creatio, over OData with real HTTP as a signed-in user (never through the
 * simulator's internals): reply on a case (an Email or Task Activity), set its status, edit it, or
 * any OData request with an expectation on the reply.
 */
import { holds, notYet } from '../wait-for';
import { type ODataReply, odataError, odataQuery } from './creatio-agent';
import { recheckOnCreatio } from './case-expect.step';
import { fieldValue, sameValue } from './odata-values';
import { caseOf } from './references';
import { clip, seededGuid, type StepContext, type StepOptions, type StepRun, StepFailure, waitUntil } from './step-context';

/** ActivityType rows (reference/creatio-api.md §3.4): what an agent's reply is. */
export const ACTIVITY_TYPE_ID = { email: 'e2831dec-cfc0-df11-b00f-001d60e938c6', task: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6' } as const;

export const agentReply: StepRun<'agent-reply'> = async (ctx, options) => {
  const caseId = caseOf(ctx, options.customer);
  const agent = await ctx.agents.as(options.user);
  // The Id comes from the scenario's seed and the step's place, so every run writes the same record.
  const activity = {
    Id: seededGuid(ctx.scenario.seed, `agent-reply:${ctx.index}`),
    TypeId: ACTIVITY_TYPE_ID[options.via],
    CaseId: caseId,
    Title: options.title ?? clip(options.text.replace(/<[^>]*>/g, ' '), 80),
    Body: options.text,
    IsHtmlBody: options.html,
  };
  const reply = await agent.request('POST', 'Activity', activity);
  if (reply.status !== 201) throw new StepFailure(`adding the ${options.via} activity on the case failed: ${odataError(reply)}`);
};

export const agentStatus: StepRun<'agent-status'> = async (ctx, options) => {
  const caseId = caseOf(ctx, options.customer);
  const agent = await ctx.agents.as(options.user);
  const lookup = await agent.request('GET', `CaseStatus?$filter=${odataQuery(`Name eq '${options.status.replace(/'/g, "''")}'`)}&$select=Id,Name`);
  if (lookup.status !== 200) throw new StepFailure(`looking up the case status "${options.status}" failed: ${odataError(lookup)}`);
  const row = ((lookup.json as { value?: { Id: string }[] }).value ?? [])[0];
  if (!row) throw new StepFailure(`no CaseStatus named "${options.status}" on the site${await statusNames(ctx, options.user)}`);
  const reply = await agent.request('PATCH', `Case(${caseId})`, { StatusId: row.Id });
  if (reply.status !== 204) throw new StepFailure(`setting the case's status to ${options.status} failed: ${odataError(reply)}`);
};

async function statusNames(ctx: StepContext, user: string | undefined): Promise<string> {
  const reply = await (await ctx.agents.as(user)).request('GET', 'CaseStatus?$select=Name');
  const names = ((reply.json as { value?: { Name: string }[] } | undefined)?.value ?? []).map((r) => r.Name);
  return names.length ? ` (statuses: ${names.join(', ')})` : '';
}

export const agentEdit: StepRun<'agent-edit'> = async (ctx, options) => {
  const caseId = caseOf(ctx, options.customer);
  const agent = await ctx.agents.as(options.user);
  const reply = await agent.request('PATCH', `Case(${caseId})`, options.fields);
  if (reply.status !== 204) throw new StepFailure(`editing the case failed: ${odataError(reply)}`);
};

type ODataOptions = StepOptions<'odata'>;

export const odata: StepRun<'odata'> = async (ctx, options) => {
  const agent = await ctx.agents.as(options.user);
  const send = () => agent.request(options.method, options.path, options.body);
  let reply: ODataReply;
  if (options.method === 'GET' && options.expect) {
    // A read with an expectation waits for it: Creatio's data may still be on its way.
    reply = await waitUntil(ctx, {
      timeout: options.timeout,
      expected: `GET ${options.path} to answer ${describeExpect(options.expect)}`,
      recheckOn: recheckOnCreatio,
      check: async () => {
        const answer = await send().catch((error: Error) => ({ status: 0, text: error.message, json: undefined }));
        const problems = replyProblems(answer, options.expect!);
        return problems.length === 0 ? holds(answer) : notYet(problems.join(', '));
      },
    });
  } else {
    reply = await send();
    const problems = options.expect ? replyProblems(reply, options.expect) : reply.status >= 400 ? [odataError(reply)] : [];
    if (problems.length) throw new StepFailure(`${options.method} ${options.path}: expected ${describeExpect(options.expect ?? {})}, got ${problems.join(', ')}`);
  }
  for (const [name, path] of Object.entries(options.save ?? {})) {
    const value = fieldValue((reply.json ?? {}) as Record<string, unknown>, path.replace(/\./g, '/'));
    if (value === undefined || value === null || typeof value === 'object') {
      throw new StepFailure(`cannot save "${name}": the reply has no value at ${path}`);
    }
    ctx.saved.set(name, String(value));
  }
};

function describeExpect(expect: NonNullable<ODataOptions['expect']>): string {
  const parts = [
    expect.status !== undefined ? `status ${expect.status}` : '',
    expect.count !== undefined ? `${expect.count} row(s)` : '',
    ...Object.entries(expect.fields ?? {}).map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
    expect.errorContains !== undefined ? `an error containing "${expect.errorContains}"` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'success';
}

function replyProblems(reply: ODataReply, expect: NonNullable<ODataOptions['expect']>): string[] {
  const problems: string[] = [];
  if (expect.status !== undefined && reply.status !== expect.status) problems.push(`status ${reply.status} (${clip(reply.text, 120)})`);
  if (expect.status === undefined && reply.status >= 400 && expect.errorContains === undefined) problems.push(odataError(reply));
  const body = (reply.json ?? {}) as { value?: Record<string, unknown>[] };
  if (expect.count !== undefined && (body.value?.length ?? -1) !== expect.count) problems.push(`${body.value?.length ?? 'no'} row(s)`);
  const record = body.value ? body.value[0] ?? {} : (body as Record<string, unknown>);
  for (const [path, want] of Object.entries(expect.fields ?? {})) {
    const got = fieldValue(record, path);
    if (!sameValue(got, want)) problems.push(`${path} = ${JSON.stringify(got)}`);
  }
  if (expect.errorContains !== undefined && !reply.text.includes(expect.errorContains)) problems.push(`body ${clip(reply.text, 120)}`);
  return problems;
}
