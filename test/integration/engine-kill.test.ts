/**
 * The engine process is killed (SIGKILL) at points spread over a run and restarted (issue 3
 * "Acceptance"): every acknowledged message still ends in Creatio exactly once, in order, with one
 * case per conversation. The engine runs in a child process over the real file store.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { type MockCreatio } from '../../mock-creatio';
import { type CreatioClient, q, send } from '../support/creatio-client';
import { siteAndEngineFolderForEachTest } from '../support/creatio-site';

const CHILD = fileURLToPath(new URL('../support/engine-child.ts', import.meta.url));
const CONVERSATIONS = 8;
const MESSAGES = 12;

let dir: string;
let site: MockCreatio;
let creatio: CreatioClient;
let child: ChildProcess | undefined;

siteAndEngineFolderForEachTest((made) => void ({ site, creatio, dir } = made), () => child?.kill('SIGKILL'));

interface Outcome { acks: number; stderr: string; code: number | null; idle?: { id: string; caseId: string; contactId: string; texts: string[] }[] }

/** Runs the engine process; kills it with SIGKILL after `killAfterAcks` acknowledgements, if given. */
function runEngine(killAfterAcks?: number): Promise<Outcome> {
  const proc = spawn(process.execPath, ['--import', 'tsx', CHILD, site.url, dir, String(CONVERSATIONS), String(MESSAGES)], { stdio: ['ignore', 'pipe', 'pipe'] });
  child = proc;
  const outcome: Outcome = { acks: 0, stderr: '', code: null };
  proc.stderr!.on('data', (chunk: Buffer) => { outcome.stderr += chunk.toString(); });
  createInterface({ input: proc.stdout! }).on('line', (line) => {
    if (line.startsWith('ack ')) {
      outcome.acks += 1;
      if (outcome.acks === killAfterAcks) proc.kill('SIGKILL');
    } else if (line.startsWith('idle ')) {
      outcome.idle = JSON.parse(line.slice(5));
    }
  });
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => resolve({ ...outcome, code }));
  });
}

it('survives SIGKILL at several points: every message exactly once, in order, one case per conversation', async () => {
  // Replies get lost now and then, so kills also land between a write and its acknowledgement.
  await send(`${site.url}/__lab/faults`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ errorRate: 0.1, cutOffRate: 0.05, seed: 3 }) });
  for (const killAfter of [5, 17, 9]) {
    const run = await runEngine(killAfter);
    expect(run.idle, 'the run was killed before it finished').toBeUndefined();
  }
  const last = await runEngine();
  await send(`${site.url}/__lab/faults`, { method: 'DELETE' });
  expect(last.idle, `the last run ended with ${last.code}: ${last.stderr}`).toHaveLength(CONVERSATIONS);

  for (const [n, conversation] of last.idle!.entries()) {
    const customerTexts = conversation.texts.filter((t) => t.startsWith('Which payment'));
    expect(customerTexts).toEqual(Array.from({ length: MESSAGES }, (_, m) => `Which payment methods do you accept? (conversation ${n}, message ${m})`));
    const cases = (await creatio.get(`Case?$filter=${q(`ContactId eq ${conversation.contactId}`)}&$select=Id`)).json.value;
    expect(cases).toEqual([{ Id: conversation.caseId }]);
    const activities = await creatio.get(`Activity?$filter=${q(`CaseId eq ${conversation.caseId}`)}&$orderby=${q('StartDate asc')}&$select=Body`);
    expect(activities.json.value.map((a: { Body: string }) => a.Body.split('\n\nView session')[0])).toEqual(conversation.texts);
  }
});
