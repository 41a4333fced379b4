import { describe, expect, it } from 'vitest';
import { FaultsStatus } from '../../../../contract';
import { currentFaults, describeFaults, recoveryLine } from './faults.recovery';

describe('recoveryLine', () => {
  it('tells the story: down with writes waiting, up and retrying, recovered', () => {
    expect(recoveryLine({ down: true, sawDown: true, pending: 3, dead: 0 }).text).toBe('site down — 3 writes waiting');
    expect(recoveryLine({ down: false, sawDown: true, pending: 1, dead: 0 }).text).toBe('site up — 1 write waiting, retrying');
    expect(recoveryLine({ down: false, sawDown: true, pending: 0, dead: 0 }).text).toBe('recovered — all synced');
    expect(recoveryLine({ down: false, sawDown: false, pending: 0, dead: 0 }).phase).toBe('calm');
    expect(recoveryLine({ down: false, sawDown: true, pending: 0, dead: 2 }).phase).toBe('stuck');
  });
});

describe('currentFaults', () => {
  const status = FaultsStatus.parse({ downUntil: 10_000, downMode: '503', errorRate: 0.5, errorStatus: 429, retryAfterSeconds: 2, latencyMs: 100, seed: 7, down: true });

  it('gives back the faults in force, the site down for what is left of its time', () => {
    expect(currentFaults(status, 4_000)).toEqual({ downForMs: 6_000, downMode: '503', errorRate: 0.5, errorStatus: 429, retryAfterSeconds: 2, latencyMs: 100, seed: 7 });
    expect(currentFaults({ ...status, down: false }, 4_000)).not.toHaveProperty('downForMs');
  });

  it('says them in words', () => {
    expect(describeFaults(status, 4_000)).toEqual([
      'Site down for 6 s more (503 with Retry-After)', '50 % of requests answered 429, Retry-After 2 s', '100 ms added to every request', 'Dice seed 7',
    ]);
  });
});
