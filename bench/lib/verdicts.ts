import { findRun, type BenchResults } from './results';
import type { ScenarioName } from './scenarios';

/** The issue's targets, judged from one run's figures. Printed as met / not met, never asserted. */

export interface Verdict {
  goal: string;
  /** undefined when a figure is missing (a server could not be measured). */
  met: boolean | undefined;
  detail: string;
}

const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0)} ms`;
const rps = (n: number): string => `${n < 10 ? n.toFixed(1) : n.toFixed(0)} req/s`;
const count = (n: number): string => n.toLocaleString('en-US');

export function verdicts(results: BenchResults): Verdict[] {
  const small = Math.min(...results.sizes);
  const large = Math.max(...results.sizes);
  const sim = (scenario: ScenarioName, size: number) => findRun(results, 'simulator', scenario, size)?.result;
  const out: Verdict[] = [];

  for (const size of results.sizes) {
    const own = sim('get-key', size);
    const bare = findRun(results, 'express', 'get-key', size)?.result;
    out.push(
      own && bare
        ? {
            goal: `GET by key within 20% of the bare Express handler (${count(size)})`,
            met: own.rps >= 0.8 * bare.rps,
            detail: `${rps(own.rps)} vs ${rps(bare.rps)} = ${((own.rps / bare.rps) * 100).toFixed(0)}%; p99 ${ms(own.p99Ms)} vs ${ms(bare.p99Ms)}`,
          }
        : { goal: `GET by key within 20% of the bare Express handler (${count(size)})`, met: undefined, detail: 'not measured' },
    );
  }

  // judged on the one-connection run: its p99 is the server's latency, not the queue (scenarios.ts)
  const list = sim('list-1', large);
  const loaded = sim('list', large);
  out.push({
    goal: `filtered list under 5 ms p99 (${count(large)}, 1 connection)`,
    met: list ? list.p99Ms < 5 : undefined,
    detail: list
      ? `p99 ${ms(list.p99Ms)}, p50 ${ms(list.p50Ms)}${loaded ? `; with 10 connections p99 ${ms(loaded.p99Ms)} at ${rps(loaded.rps)}` : ''}`
      : 'not measured',
  });

  const post = sim('post', large);
  out.push({
    goal: `POST under 50 ms p99 (${count(large)})`,
    met: post ? post.p99Ms < 50 : undefined,
    detail: post ? `p99 ${ms(post.p99Ms)}, p50 ${ms(post.p50Ms)}` : 'not measured',
  });

  const jsonPost = findRun(results, 'json-server', 'post', large)?.result;
  out.push({
    goal: `POST at least 100 times json-server (${count(large)})`,
    met: post && jsonPost ? post.rps >= 100 * jsonPost.rps : undefined,
    detail: post && jsonPost ? `${rps(post.rps)} vs ${rps(jsonPost.rps)} = ${(post.rps / jsonPost.rps).toFixed(0)}x` : 'not measured',
  });

  const postSmall = small < large ? sim('post', small) : undefined;
  out.push({
    goal: `POST at ${count(large)} no more than twice as slow as at ${count(small)} (req/s ratio)`,
    met: post && postSmall ? postSmall.rps / post.rps <= 2 : undefined,
    detail:
      post && postSmall
        ? `${rps(postSmall.rps)} -> ${rps(post.rps)} = ${(postSmall.rps / post.rps).toFixed(2)}x slower; p50 ${ms(postSmall.p50Ms)} -> ${ms(post.p50Ms)}`
        : 'not measured',
  });

  out.push(loopVerdict(results));
  return out;
}

/**
 * Judged on every POST run of the simulator, the sustained one (with its log compactions) first, by
 * the store's own longest synchronous step (what persistence itself held the event loop for). The
 * event-loop delay maximum is shown beside it with the longest garbage-collection pause, and the same
 * sustained load on the bare Express app (in memory, nothing persisted) as the yardstick: past the
 * store's steps, the loop's maximum is the collector's, which any server holding the rows in memory pays.
 */
function loopVerdict(results: BenchResults): Verdict {
  const goal = 'persistence never blocks the event loop for more than 50 ms (its longest synchronous step during POST runs)';
  const loops = results.runs
    .filter((r) => r.target === 'simulator' && (r.scenario === 'post' || r.scenario === 'post-sustained') && r.loop)
    .sort((a, b) => Number(b.scenario === 'post-sustained') - Number(a.scenario === 'post-sustained'));
  if (loops.length === 0) return { goal, met: undefined, detail: 'not measured' };
  const steps = loops.map((r) => r.loop?.persistenceMaxMs);
  // without the store's own figure (an older simulator), the loop's maximum is all there is to judge by
  const worst = steps.every((step) => step !== undefined) ? Math.max(...(steps as number[])) : Math.max(...loops.map((r) => r.loop?.maxMs ?? 0));
  const detail = loops.map((r) => {
    const what = r.scenario === 'post-sustained'
      ? `sustained at ${count(r.size)} (${r.result ? `${r.result.seconds.toFixed(0)} s, ` : ''}${r.compactions ?? '?'} compactions)`
      : count(r.size);
    const wall = r.loop?.persistenceWallMaxMs === undefined || r.loop.persistenceWallMaxMs - (r.loop.persistenceMaxMs ?? 0) < 0.5
      ? '' : ` (${ms(r.loop.persistenceWallMaxMs)} with the garbage-collection pauses inside it)`;
    const step = r.loop?.persistenceMaxMs === undefined ? '' : `longest persistence step ${ms(r.loop.persistenceMaxMs)}${wall}; `;
    const gc = r.loop?.gcMaxMs === undefined ? '' : ` (longest garbage-collection pause ${ms(r.loop.gcMaxMs)})`;
    return `${what}: ${step}event loop max ${ms(r.loop?.maxMs ?? 0)}${gc}, p99 ${ms(r.loop?.p99Ms ?? 0)}`;
  });
  const control = results.runs.find((r) => r.target === 'express' && r.scenario === 'post-sustained' && r.loop);
  if (control?.loop) {
    const gc = control.loop.gcMaxMs === undefined ? '' : ` (longest garbage-collection pause ${ms(control.loop.gcMaxMs)})`;
    detail.push(`the same sustained POST on bare Express, nothing persisted: event loop max ${ms(control.loop.maxMs)}${gc}`);
  }
  return { goal, met: worst <= 50, detail: detail.join('; ') };
}

export function verdictWord(v: Verdict): string {
  return v.met === undefined ? 'NOT MEASURED' : v.met ? 'met' : 'NOT MET';
}
