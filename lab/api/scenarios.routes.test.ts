/**
 * The Scenarios view's routes over real HTTP against a real lab (startLab): the library and its
 * path checks, checking a text, a run in a fresh lab told live on this lab's bus, and the presenter
 * stepping through a scenario on this lab.
 */
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab } from '../start-lab';
import type { Lab, LabEvent } from '../lab.types';

let lab: Lab;
let root: string;

/** A response body as JSON, loosely typed: tests assert on its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function api(path: string, init: { method?: string; json?: unknown } = {}): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${lab.urls.api}${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { Authorization: `Bearer ${lab.token}`, ...(init.json === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
  });
  return { status: response.status, body: await response.json() };
}

/** The first event on the lab's bus (from now on, or already kept) that `match` accepts. */
function nextEvent(match: (event: LabEvent) => boolean): Promise<LabEvent> {
  return new Promise((resolve) => {
    const stop = lab.events.subscribe((event) => {
      if (!match(event)) return;
      stop();
      resolve(event);
    });
  });
}

const SHORT = `name: A short chat
description: The AI answers an order question.
mode: every-conversation
steps:
  - start: { customer: ann, name: Ann Lee, email: ann.lee@example.com }
  - say: { customer: ann, text: "Where is my order?" }
    note: Ann asks where her order is.
  - expect-message: { customer: ann, role: ai, contains: "order" }
`;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'csl-scenarios-api-'));
  lab = await startLab({ workspace: join(root, 'ws'), durability: 'none', seed: 5 });
  await mkdir(join(lab.workspace, 'scenarios'), { recursive: true });
  await writeFile(join(lab.workspace, 'scenarios', 'short.yaml'), SHORT);
  await writeFile(join(root, 'outside.yaml'), SHORT);
  await symlink(join(root, 'outside.yaml'), join(lab.workspace, 'scenarios', 'link-out.yaml'));
});

afterAll(async () => {
  await lab?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the library', () => {
  it('lists the checkout test/scenarios and <workspace>/scenarios with name, tags, mode and step count', async () => {
    const { status, body } = await api('/scenarios');
    expect(status).toBe(200);
    const checkout = body.scenarios.filter((s: Json) => s.source === 'checkout');
    const onDisk = (await readdir(new URL('../../test/scenarios/', import.meta.url))).filter((f) => f.endsWith('.yaml'));
    expect(checkout).toHaveLength(onDisk.length);
    expect(checkout.find((s: Json) => s.path === 'test/scenarios/agent-reply-by-email.yaml')).toMatchObject({
      name: "An agent's Email reply in Creatio reaches the customer once", tags: ['two-way', 'agent-reply', 'email'], mode: 'every-conversation', steps: 10,
    });
    expect(body.scenarios.find((s: Json) => s.path === 'workspace/scenarios/short.yaml')).toMatchObject({ source: 'workspace', name: 'A short chat', steps: 3 });
    expect(body.folders.map((f: Json) => f.prefix)).toEqual(['test/scenarios', 'workspace/scenarios']);
  });

  it('answers a library file\'s text', async () => {
    const { status, body } = await api(`/scenarios/file?path=${encodeURIComponent('workspace/scenarios/short.yaml')}`);
    expect(status).toBe(200);
    expect(body).toEqual({ path: 'workspace/scenarios/short.yaml', yaml: SHORT });
  });

  it.each([
    ['test/scenarios/../../package.json', 400],
    ['test/scenarios/../scenarios/../../lab/index.yaml', 400],
    ['workspace/scenarios/../lab.json', 400],
    ['workspace/scenarios/../../outside.yaml', 400],
    ['workspace/scenarios/link-out.yaml', 400],
    ['/etc/passwd', 400],
    ['test/../test/scenarios/agent-reply-by-email.yaml', 400],
    ['test/scenarios/no-such-file.yaml', 404],
  ])('refuses %s (%i) and reads nothing outside the library', async (path, expected) => {
    const { status, body } = await api(`/scenarios/file?path=${encodeURIComponent(path)}`);
    expect(status).toBe(expected);
    expect(body.yaml).toBeUndefined();
    expect(body.error.message).not.toContain('name: A short chat');
  });

  it('needs a path', async () => {
    const { status, body } = await api('/scenarios/file');
    expect(status).toBe(400);
    expect(body.error.problems[0].field).toBe('query.path');
  });
});

describe('POST /api/scenarios/check', () => {
  it('answers the loaded scenario with each step\'s title, line and note', async () => {
    const { status, body } = await api('/scenarios/check', { json: { yaml: SHORT } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, name: 'A short chat', mode: 'every-conversation', tags: [] });
    expect(body.steps[1]).toEqual({ index: 1, action: 'say', title: 'ann says "Where is my order?"', line: 6, note: 'Ann asks where her order is.' });
  });

  it('answers every problem with its line and column, named as the window asked', async () => {
    const broken = 'name: Broken\nsteps:\n  - sai: { customer: ann, text: hi }\n  - say: { customer: bob }\n';
    const { status, body } = await api('/scenarios/check', { json: { yaml: broken, name: 'mine.yaml' } });
    expect(status).toBe(200);
    expect(body.ok).toBe(false);
    expect(body.errors).toContainEqual({ file: 'mine.yaml', line: 3, column: 5, message: "step 1: unknown step 'sai' — did you mean 'say'?" });
    expect(body.errors.some((e: Json) => e.line === 4 && /missing required option 'text'/.test(e.message))).toBe(true);
  });
});

describe('runs in a fresh lab', () => {
  it('answers 202 with a run id, tells each step on this lab\'s bus, and keeps the result', async () => {
    const conversationsBefore = lab.engine.listConversations().length;
    const stepEvents: LabEvent[] = [];
    const stop = lab.events.subscribe((event) => void (event.type === 'scenario.step-ended' && stepEvents.push(event)));
    const finished = nextEvent((event) => event.type === 'scenario.finished');
    const { status, body } = await api('/scenarios/runs', { json: { file: 'workspace/scenarios/short.yaml' } });
    expect(status).toBe(202);
    const { runId } = body;
    const end = await finished;
    stop();
    expect(end.data).toMatchObject({ runId, status: 'passed', name: 'A short chat' });
    expect(stepEvents.map((e) => (e.data.step as Json).status)).toEqual(['passed', 'passed', 'passed']);
    const run = await api(`/scenarios/runs/${runId}`);
    expect(run.body).toMatchObject({ runId, status: 'passed', totalSteps: 3, file: 'workspace/scenarios/short.yaml' });
    expect(run.body.steps.map((s: Json) => s.title)).toEqual(['ann (Ann Lee, ann.lee@example.com) starts a web conversation', 'ann says "Where is my order?"', 'ann sees an ai message containing "order"']);
    expect(run.body.timeline.some((hop: Json) => hop.lane === 'customer' && hop.summary.includes('Where is my order?'))).toBe(true);
    // Its own lab: the lab the window shows has no new conversation, and the webhook token appears nowhere.
    expect(lab.engine.listConversations()).toHaveLength(conversationsBefore);
    expect(JSON.stringify([run.body, stepEvents, end])).not.toContain(lab.settings().webhookToken);
    const list = await api('/scenarios/runs');
    expect(list.body.runs[0]).toMatchObject({ runId, status: 'passed' });
    expect(list.body.runs[0].timeline).toBeUndefined();
  });

  it('refuses a text that does not load with each file:line:column, and a body with neither or both sources', async () => {
    const broken = await api('/scenarios/runs', { json: { yaml: 'name: x\nsteps:\n  - say: { customer: ann, text: hi }\n', name: 'pasted.yaml' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toContain("pasted.yaml:3:22: step 1 (say): customer 'ann' is not started");
    expect(broken.body.error.problems[0].field).toBe('pasted.yaml:3:22');
    expect((await api('/scenarios/runs', { json: {} })).status).toBe(400);
    expect((await api('/scenarios/runs', { json: { yaml: SHORT, file: 'workspace/scenarios/short.yaml' } })).status).toBe(400);
    expect((await api('/scenarios/runs', { json: { file: 'workspace/scenarios/../lab.json' } })).body.error.problems[0].field).toBe('file');
    expect((await api('/scenarios/runs/no-such-run')).status).toBe(404);
  });
});

const PRESENTED = `name: An agent's reply reaches the customer
mode: handoff-only
steps:
  - start: { customer: ann, name: Ann Lee, email: ann.lee@example.com }
  - say: { customer: ann, text: "My kettle leaks. I want to talk to a human agent." }
  - expect-handoff: { customer: ann, trigger: human_requested }
  - wait-idle: {}
  - agent-reply: { customer: ann, text: "Hi Ann, a replacement is on its way." }
    note: The agent answers in Creatio; the process calls the engine's webhook.
  - expect-message: { customer: ann, role: agent, text: "Hi Ann, a replacement is on its way.", count: 1 }
`;

describe('the presenter', () => {
  it('is idle until a scenario is loaded, and Next then is a 409', async () => {
    expect((await api('/presenter')).body).toMatchObject({ status: 'idle', steps: [], labMode: 'every-conversation' });
    const next = await api('/presenter/next', { json: {} });
    expect(next.status).toBe(409);
    expect(next.body.error.code).toBe('CONFLICT');
  });

  it('steps through a scenario on THIS lab with narration, warns about its mode, and runs again with fresh aliases after reset', async () => {
    const loaded = await api('/presenter', { json: { yaml: PRESENTED, name: 'demo.yaml' } });
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ status: 'ready', name: "An agent's reply reaches the customer", scenarioMode: 'handoff-only', labMode: 'every-conversation', next: 0 });
    expect(loaded.body.warnings[0]).toMatch(/written for handoff-only mode .* the lab runs in every-conversation mode/);
    expect(loaded.body.narration).toContain(loaded.body.warnings[0]);
    expect(loaded.body.steps.map((s: Json) => s.narration)).toEqual([
      'Ann Lee (ann.lee@example.com) opens a web widget conversation.',
      'Ann Lee says "My kettle leaks. I want to talk to a human agent."',
      "Ann Lee's conversation is handed off (trigger human_requested).",
      'Wait until the lab is idle.',
      "The agent answers in Creatio; the process calls the engine's webhook.",
      'Ann Lee sees an agent message "Hi Ann, a replacement is on its way." ×1.',
    ]);

    for (const round of [1, 2]) {
      const before = lab.engine.listConversations().length;
      for (const index of [0, 1, 2, 3, 4, 5]) {
        const { status, body } = await api('/presenter/next', { json: {} });
        expect(status, JSON.stringify(body)).toBe(200);
        expect(body.step).toMatchObject({ index, status: 'passed' });
        expect(body.presenter.narration).toBe(body.step.narration);
        expect(body.presenter.next).toBe(index + 1);
      }
      // The customer's conversation is one of this lab's: the window's chat shows it.
      expect(lab.engine.listConversations()).toHaveLength(before + 1);
      const state = await api('/presenter');
      expect(state.body.status, `round ${round}`).toBe('passed');
      expect((await api('/presenter/next', { json: {} })).status).toBe(409);
      const reset = await api('/presenter/reset', { json: {} });
      expect(reset.body).toMatchObject({ status: 'ready', next: 0 });
      expect(reset.body.steps.every((s: Json) => s.status === 'pending')).toBe(true);
    }
  });

  it('marks a failed step with its error, skips the rest, and refuses Next while a step runs', async () => {
    const failing = `name: Waits for what never comes
steps:
  - start: { customer: zoe, name: Zoe Hart }
  - expect-message: { customer: zoe, role: agent, contains: never, timeout: 3s }
  - say: { customer: zoe, text: Hello }
`;
    await api('/presenter', { json: { yaml: failing } });
    await api('/presenter/next', { json: {} });
    const started = nextEvent((event) => event.type === 'presenter.step-started');
    const running = api('/presenter/next', { json: {} });
    await started;
    const meanwhile = await api('/presenter/next', { json: {} });
    expect(meanwhile.status).toBe(409);
    expect(meanwhile.body.error.message).toContain('step 2 is still running');
    const { body } = await running;
    expect(body.step).toMatchObject({ index: 1, status: 'failed' });
    expect(body.step.error).toContain('timed out after 3000 ms');
    expect(body.presenter).toMatchObject({ status: 'failed', next: 3 });
    expect(body.presenter.steps[2].status).toBe('skipped');
  });

  it('loads a library file, and refuses one that does not load', async () => {
    const { status, body } = await api('/presenter', { json: { file: 'test/scenarios/agent-reply-by-email.yaml' } });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'ready', file: 'test/scenarios/agent-reply-by-email.yaml', warnings: [] });
    expect(body.narration).toMatch(/^An agent's Email reply in Creatio reaches the customer once\. Seed/);
    const bad = await api('/presenter', { json: { yaml: 'name: x\nsteps: []\n' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('scenario.yaml:2:8: steps: needs at least one step');
  });
});
