import { fork } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTarget, type TargetProcess } from '../lib/target-process';
import type { EngineChildConfig, FromEngine, Pacing, ToEngine, WindowFigures } from './engine-ipc';

/**
 * The engine process seen from the bench: fork bench/sync-engine/engine-child.ts (tsx-loaded) and ask
 * it things over IPC, each request answered by the reply with the same id.
 */

export interface EngineProcess {
  /** The engine's webhook URL (its own port, token included), for the site's agent-reply process. */
  webhookUrl: string;
  /** The Creatio case of each conversation (undefined: none yet). */
  cases(conversationIds: readonly string[]): Promise<(string | undefined)[]>;
  /** Called in this process as each `delivered` message arrives (an agent reply the channel took). */
  onDelivered(listener: (activityId: string, conversationId: string) => void): void;
  open(prefix: string, count: number): Promise<string[]>;
  /** Resolves when the engine acknowledged the message (`stored`) or logged its activity (`synced`). */
  send(conversationId: string, text: string, until: Pacing): Promise<void>;
  mark(): Promise<void>;
  /** `webhooks`: first wait until that many new_activity webhooks were received since `mark`. */
  collect(timeoutMs: number, webhooks?: number): Promise<WindowFigures>;
  stop(): Promise<void>;
}

type Request = ToEngine extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function startEngineProcess(config: EngineChildConfig, extraNodeArgs: string[] = []): Promise<EngineProcess> {
  const child = fork(fileURLToPath(new URL('./engine-child.ts', import.meta.url)), [JSON.stringify(config)], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096', ...extraNodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('error', () => undefined);
  const waiting = new Map<number, { resolve: (m: FromEngine) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  let ready: () => void = () => undefined;
  let webhookUrl = '';
  let delivered: (activityId: string, conversationId: string) => void = () => undefined;
  let notReady: (e: Error) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => { ready = resolve; notReady = reject; });

  const failAll = (error: Error): void => {
    failure = error;
    notReady(error);
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  child.on('exit', (code) => failAll(new Error(`engine process exited (${code})`)));
  child.on('message', (raw) => {
    const message = raw as FromEngine;
    if (message.type === 'ready') {
      webhookUrl = message.webhookUrl;
      return ready();
    }
    if (message.type === 'delivered') return delivered(message.activityId, message.conversationId);
    if (message.type === 'error' && message.id === undefined) return failAll(new Error(`engine process: ${message.message}`));
    const id = 'id' in message ? message.id : undefined;
    const waiter = id === undefined ? undefined : waiting.get(id);
    if (!waiter || id === undefined) return;
    waiting.delete(id);
    if (message.type === 'error') waiter.reject(new Error(message.message));
    else waiter.resolve(message);
  });

  let nextId = 0;
  const ask = (request: Request): Promise<FromEngine> => {
    if (failure) return Promise.reject(failure);
    const id = ++nextId;
    return new Promise<FromEngine>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id } as ToEngine, (error) => {
        if (error) reject(error);
      });
    });
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send({ type: 'stop' } satisfies ToEngine, () => undefined);
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await started;
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    webhookUrl,
    cases: async (conversationIds) => {
      const reply = await ask({ type: 'cases', conversationIds: [...conversationIds] });
      if (reply.type !== 'cased') throw new Error(`engine process answered ${reply.type} to cases`);
      return reply.caseIds;
    },
    onDelivered: (listener) => { delivered = listener; },
    open: async (prefix, count) => {
      const reply = await ask({ type: 'open', prefix, count });
      return reply.type === 'opened' ? reply.conversationIds : [];
    },
    send: async (conversationId, text, until) => void (await ask({ type: 'send', conversationId, text, until })),
    mark: async () => void (await ask({ type: 'mark' })),
    collect: async (timeoutMs, webhooks) => {
      const reply = await ask({ type: 'collect', timeoutMs, ...(webhooks === undefined ? {} : { webhooks }) });
      if (reply.type !== 'collected') throw new Error(`engine process answered ${reply.type} to collect`);
      return reply.figures;
    },
    stop,
  };
}

/**
 * Runs `measure` against a fresh simulated site (its seed only, fsync'd: site-child.ts) and an engine
 * process writing to it, both under `<tmp>/<name>`, and stops both afterwards (`track` lets the bench
 * stop them on Ctrl-C). A failure is printed as "<name>: not measured" and returned as its first line.
 */
export async function withSiteAndEngine(
  name: string,
  setup: { tmp: string; nodeArgs: string[]; track: (process: { stop(): Promise<void> }) => () => void; engine?: Omit<EngineChildConfig, 'siteUrl' | 'workDir'> },
  measure: (site: TargetProcess, engine: EngineProcess) => Promise<void>,
): Promise<string | undefined> {
  const workDir = join(setup.tmp, name);
  await mkdir(join(workDir, 'site'), { recursive: true });
  const dataFile = join(workDir, 'empty.json');
  await writeFile(dataFile, JSON.stringify({ rows: [], caseIds: [] }));
  let site: TargetProcess | undefined;
  let engine: EngineProcess | undefined;
  const untrack: (() => void)[] = [];
  try {
    // startTarget resolves scripts under bench/targets/; the site child lives beside this file
    site = await startTarget('../sync-engine/site-child', { dataFile, workDir: join(workDir, 'site') }, setup.nodeArgs);
    untrack.push(setup.track(site));
    engine = await startEngineProcess({ siteUrl: site.url, workDir: join(workDir, 'engine'), ...setup.engine }, setup.nodeArgs);
    untrack.push(setup.track(engine));
    await measure(site, engine);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    console.log(`  ${name}: not measured: ${message}`);
    return message;
  } finally {
    await engine?.stop();
    await site?.stop();
    for (const u of untrack) u();
  }
}
