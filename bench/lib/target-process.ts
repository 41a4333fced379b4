import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromChild, ServerStats, TargetConfig, ToChild } from './ipc';

/**
 * A server under test in its own Node process (tsx-loaded script from bench/targets/), driven
 * over IPC. On a 2-core machine the server and the load generator then each get a core.
 */

export interface TargetProcess {
  url: string;
  headers: Record<string, string>;
  /** Milliseconds from process start to ready (data load + prefill). */
  loadMs: number;
  phases: Record<string, number>;
  stats(): Promise<ServerStats>;
  resetLoopDelay(): void;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function waitForMessage<T extends FromChild>(child: ChildProcess, match: (m: FromChild) => m is T, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (raw: unknown): void => {
      const message = raw as FromChild;
      if (message.type === 'failed') return finish(() => reject(new Error(`${what}: ${message.message}`)));
      if (match(message)) finish(() => resolve(message));
    };
    const onExit = (code: number | null): void => finish(() => reject(new Error(`${what}: server exited (${code})`)));
    const finish = (act: () => void): void => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      act();
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** `extraNodeArgs`: e.g. `--cpu-prof --cpu-prof-dir=<dir>` to profile the server. */
export async function startTarget(script: string, config: TargetConfig, extraNodeArgs: string[] = []): Promise<TargetProcess> {
  const child = fork(fileURLToPath(new URL(`../targets/${script}.ts`, import.meta.url)), [JSON.stringify(config)], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', ...extraNodeArgs],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // a child that failed may close its IPC channel while we still write to it (EPIPE): the exit
  // (or the timeout below) is what counts, so channel errors are only ignored here
  child.on('error', () => undefined);
  const post = (message: ToChild): void => {
    if (child.connected) child.send(message, () => undefined);
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    post({ type: 'stop' });
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const ready = await waitForMessage(child, (m): m is Extract<FromChild, { type: 'ready' }> => m.type === 'ready', script);
    let nextId = 0;
    return {
      url: ready.url,
      headers: ready.headers,
      loadMs: ready.loadMs,
      phases: ready.phases,
      stats: () => {
        const id = ++nextId;
        const answer = waitForMessage(child, (m): m is Extract<FromChild, { type: 'stats' }> => m.type === 'stats' && m.id === id, script);
        post({ type: 'stats', id });
        return answer.then((m) => m.stats);
      },
      resetLoopDelay: () => post({ type: 'reset-loop' }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
