import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/**
 * Fault injection for the simulated site: take it down for a while, fail a share of requests,
 * add latency, or cut replies off after the write was made (the case that tests idempotency).
 * Applies to every Creatio path (OData, login, token), never to the admin API.
 */
export const FaultConfig = z.object({
  /** Until this epoch-ms time every connection is dropped (socket reset, as a site that is down). */
  downUntil: z.number().int().nonnegative().optional(),
  /** How a site that is down answers: a reset connection (default) or 503. */
  downMode: z.enum(['reset', '503']).default('reset'),
  /** Share of requests (0..1) answered with `errorStatus` without doing anything. */
  errorRate: z.number().min(0).max(1).default(0),
  errorStatus: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(429)]).default(500),
  /** Retry-After (seconds) sent with 503 and 429 errors. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
  /** Share of requests (0..1) that are carried out but whose reply is cut off (connection dropped). */
  cutOffRate: z.number().min(0).max(1).default(0),
  /** Added to every request, in milliseconds. */
  latencyMs: z.number().int().nonnegative().max(120_000).default(0),
  /** Seed of the fault dice, so a run repeats. */
  seed: z.number().int().default(1),
});
export type FaultConfig = z.infer<typeof FaultConfig>;

/** Input of `PUT /__lab/faults`: like FaultConfig, with `downForMs` as a convenience for `downUntil`. */
export const FaultInput = FaultConfig.extend({ downForMs: z.number().int().positive().max(3_600_000).optional() });

export interface FaultCounters {
  dropped: number;
  errors: number;
  cutOff: number;
  delayed: number;
}

/** mulberry32: a small seeded PRNG (the dice must repeat from a seed). */
function createDice(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaults(now: () => number) {
  let config: FaultConfig = FaultConfig.parse({});
  let dice = createDice(config.seed);
  const counters: FaultCounters = { dropped: 0, errors: 0, cutOff: 0, delayed: 0 };

  function set(input: z.infer<typeof FaultInput>): FaultConfig {
    const { downForMs, ...rest } = input;
    config = FaultConfig.parse({ ...rest, ...(downForMs ? { downUntil: now() + downForMs } : {}) });
    dice = createDice(config.seed);
    return config;
  }

  function isDown(): boolean {
    return config.downUntil !== undefined && now() < config.downUntil;
  }

  function isIdle(): boolean {
    return config.latencyMs === 0 && config.errorRate === 0 && config.cutOffRate === 0 && config.downUntil === undefined;
  }

  function middleware(req: Request, res: Response, next: NextFunction): void | Promise<void> {
    // No fault set: stay off the hot path (no promise, no dice).
    if (isIdle()) return next();
    return inject(req, res, next);
  }

  async function inject(req: Request, res: Response, next: NextFunction): Promise<void> {
    if (config.latencyMs > 0) {
      counters.delayed += 1;
      await new Promise((resolve) => setTimeout(resolve, config.latencyMs));
    }
    if (isDown()) {
      counters.dropped += 1;
      res.locals.fault = 'down';
      if (config.downMode === '503') {
        res.status(503).setHeader('Retry-After', String(Math.ceil(((config.downUntil ?? 0) - now()) / 1000)));
        res.json({ Message: 'Service Unavailable' });
      } else {
        req.socket.destroy();
      }
      return;
    }
    if (config.errorRate > 0 && dice() < config.errorRate) {
      counters.errors += 1;
      res.locals.fault = `error ${config.errorStatus}`;
      if (config.retryAfterSeconds !== undefined && (config.errorStatus === 503 || config.errorStatus === 429)) {
        res.setHeader('Retry-After', String(config.retryAfterSeconds));
      }
      res.status(config.errorStatus).json({ error: { code: '', message: 'An error has occurred.', innererror: { message: 'Injected by the Case Sync Lab fault settings.', type: '', stacktrace: '' } } });
      return;
    }
    if (config.cutOffRate > 0 && dice() < config.cutOffRate) {
      counters.cutOff += 1;
      res.locals.fault = 'cut off';
      // Let the request do its work (the write is made), then drop the connection instead of answering.
      res.end = (() => {
        req.socket.destroy();
        return res;
      }) as typeof res.end;
    }
    next();
  }

  return {
    middleware,
    get: () => ({ ...config, down: isDown(), counters: { ...counters } }),
    set,
    clear: () => set({ downMode: 'reset', errorRate: 0, errorStatus: 500, cutOffRate: 0, latencyMs: 0, seed: 1 }),
  };
}

export type Faults = ReturnType<typeof createFaults>;
