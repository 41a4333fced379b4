import autocannon from 'autocannon';

/**
 * One load run with autocannon's programmatic API. Latency percentiles come from each response's
 * own duration (autocannon's histogram rounds to whole milliseconds, too coarse for a 5 ms target).
 */

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  /** Called for every request: its path and (for POST) its JSON body. */
  next: () => { path: string; body?: string };
  connections: number;
  /** Either a duration in seconds or a fixed number of requests. */
  seconds?: number;
  amount?: number;
}

export interface LoadResult {
  /** 2xx responses per second. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  ok: number;
  /** Non-2xx responses, socket errors and timeouts together. */
  failed: number;
  seconds: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  const headers = { ...spec.headers, ...(spec.method === 'POST' ? { 'content-type': 'application/json' } : {}) };
  const started = performance.now();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    timeout: 30,
    ...(spec.amount !== undefined ? { amount: spec.amount } : { duration: spec.seconds ?? 5 }),
    requests: [
      {
        method: spec.method,
        headers,
        setupRequest: (req) => {
          const { path, body } = spec.next();
          return body === undefined ? { ...req, path } : { ...req, path, body };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  const result = await instance;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? Number.NaN,
    ok: latencies.length,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds,
  };
}
