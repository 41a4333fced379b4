/**
 * `expect-case`: the conversation's case as Creatio shows it, read over OData as Supervisor (real
 * HTTP). Re-read whenever a record changes on the site or the engine moves, up to the timeout.
 */
import type { LabEvent } from '../../lab.types';
import { type Check, holds, notYet } from '../wait-for';
import { type CreatioAgent, odataError, odataQuery } from './creatio-agent';
import { clip, conversationOf, type StepOptions, type StepRun, waitUntil } from './step-context';
import { expandFor, fieldValue, sameValue } from './odata-values';

type Options = StepOptions<'expect-case'>;
type Row = Record<string, unknown>;

/** Site records and the engine's own progress can change the answer; our own queries never do. */
export const recheckOnCreatio = (event: LabEvent): boolean => event.type.startsWith('record.') || event.source === 'engine';

export const expectCase: StepRun<'expect-case'> = async (ctx, options) => {
  const conversationId = conversationOf(ctx, options.customer);
  const agent = await ctx.agents.as('Supervisor');
  await waitUntil(ctx, {
    timeout: options.timeout,
    expected: `${options.customer}'s case in Creatio with ${describeWants(options)}`,
    recheckOn: recheckOnCreatio,
    check: async () => {
      const caseId = ctx.lab.engine.getConversation(conversationId)?.caseId;
      if (!caseId) return notYet('the conversation has no case yet');
      try {
        return await checkCase(agent, conversationId, caseId, options);
      } catch (error) {
        return notYet(`OData request failed: ${(error as Error).message}`);
      }
    },
  });
};

function describeWants(options: Options): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(options.fields ?? {})) parts.push(`${key} = ${JSON.stringify(value)}`);
  for (const [key, value] of Object.entries(options.contains ?? {})) parts.push(`${key} containing ${JSON.stringify(value)}`);
  parts.push(`${options.cases ?? 1} case(s) for the session`);
  const a = options.activities;
  if (a?.count !== undefined) parts.push(`${a.count} activities`);
  if (a?.atLeast !== undefined) parts.push(`at least ${a.atLeast} activities`);
  if (a?.titles) parts.push(`activity titles ${JSON.stringify(a.titles)}`);
  if (a?.bodiesContain) parts.push(`activity bodies containing ${JSON.stringify(a.bodiesContain)}`);
  return parts.join(', ');
}

async function checkCase(agent: CreatioAgent, conversationId: string, caseId: string, options: Options): Promise<Check<true>> {
  const paths = [...Object.keys(options.fields ?? {}), ...Object.keys(options.contains ?? {})];
  const expand = expandFor(paths);
  const reply = await agent.request('GET', `Case(${caseId})${expand ? `?$expand=${odataQuery(expand)}` : ''}`);
  if (reply.status !== 200) return notYet(`reading Case(${caseId}): ${odataError(reply)}`);
  const record = reply.json as Row;
  const problems: string[] = [];
  for (const [path, want] of Object.entries(options.fields ?? {})) {
    const got = fieldValue(record, path);
    if (!sameValue(got, want)) problems.push(`${path} = ${JSON.stringify(got)}`);
  }
  for (const [path, want] of Object.entries(options.contains ?? {})) {
    const got = fieldValue(record, path);
    if (typeof got !== 'string' || !got.includes(want)) problems.push(`${path} = ${JSON.stringify(typeof got === 'string' ? clip(got, 120) : got)}`);
  }
  const cases = await countSessionCases(agent, conversationId);
  if (cases !== (options.cases ?? 1)) problems.push(`${cases} case(s) for the session`);
  if (options.activities) problems.push(...(await checkActivities(agent, caseId, options.activities)));
  return problems.length === 0 ? holds(true) : notYet(problems.join(', '));
}

/** Cases carrying this session id in Notes (`Session <id> · ...`, docs/engine.md "What it writes to Creatio"). */
async function countSessionCases(agent: CreatioAgent, conversationId: string): Promise<number> {
  const filter = `contains(Notes,'Session ${conversationId.replace(/'/g, "''")}')`;
  const reply = await agent.request('GET', `Case?$filter=${odataQuery(filter)}&$select=Id`);
  if (reply.status !== 200) throw new Error(`counting the session's cases: ${odataError(reply)}`);
  return ((reply.json as { value?: unknown[] }).value ?? []).length;
}

async function checkActivities(agent: CreatioAgent, caseId: string, want: NonNullable<Options['activities']>): Promise<string[]> {
  const query = `$filter=${odataQuery(`CaseId eq ${caseId}`)}&$orderby=${odataQuery('CreatedOn asc')}&$select=Id,Title,Body`;
  const reply = await agent.request('GET', `Activity?${query}`);
  if (reply.status !== 200) return [`reading the case's activities: ${odataError(reply)}`];
  const rows = ((reply.json as { value?: Row[] }).value ?? []).map((r) => ({ title: String(r.Title ?? ''), body: String(r.Body ?? '') }));
  const problems: string[] = [];
  const seen = () => `titles ${JSON.stringify(rows.map((r) => clip(r.title, 50)))}`;
  if (want.count !== undefined && rows.length !== want.count) problems.push(`${rows.length} activities (${seen()})`);
  if (want.atLeast !== undefined && rows.length < want.atLeast) problems.push(`${rows.length} activities (${seen()})`);
  if (want.titles && !inOrder(rows.map((r) => r.title), want.titles)) problems.push(`activity ${seen()}`);
  for (const text of want.bodiesContain ?? []) {
    if (!rows.some((r) => r.body.includes(text))) problems.push(`no activity body contains ${JSON.stringify(text)}`);
  }
  return problems;
}

/** Every wanted title appears, in this order, each as the start of an activity's title (titles are clipped with …). */
function inOrder(titles: string[], wanted: string[]): boolean {
  let at = 0;
  for (const title of titles) {
    if (at < wanted.length && title.startsWith(wanted[at]!)) at += 1;
  }
  return at === wanted.length;
}
