/**
 * The one-line story of a fault and its recovery, and the fault settings as a `PUT /api/faults` body.
 * Pure, so they are tested without a browser.
 */
import type { FaultsBody, FaultsStatus } from '../../../../contract';

export type Recovery = { phase: 'down' | 'recovering' | 'recovered' | 'calm' | 'stuck'; text: string };

const writes = (n: number) => `${n} write${n === 1 ? '' : 's'}`;

export function recoveryLine(input: { down: boolean; sawDown: boolean; pending: number; dead: number }): Recovery {
  const { down, sawDown, pending, dead } = input;
  if (down) return { phase: 'down', text: `site down — ${writes(pending)} waiting` };
  if (pending > 0) return { phase: 'recovering', text: `site up — ${writes(pending)} waiting, retrying` };
  if (dead > 0) return { phase: 'stuck', text: `site up — ${dead} dead letter${dead === 1 ? '' : 's'} (retry them in Sync)` };
  if (sawDown) return { phase: 'recovered', text: 'recovered — all synced' };
  return { phase: 'calm', text: 'site up — nothing waiting' };
}

/** The faults in force now, as a body that sets them again (the site down for what is left of its time). */
export function currentFaults(status: FaultsStatus | null, now: number): FaultsBody {
  if (!status) return {};
  const left = status.down && status.downUntil ? Math.max(1, Math.round(status.downUntil - now)) : 0;
  return {
    ...(left ? { downForMs: Math.min(left, 3_600_000), downMode: status.downMode } : {}),
    ...(status.errorRate ? { errorRate: status.errorRate, errorStatus: status.errorStatus as FaultsBody['errorStatus'] } : {}),
    ...(status.retryAfterSeconds !== undefined ? { retryAfterSeconds: status.retryAfterSeconds } : {}),
    ...(status.cutOffRate ? { cutOffRate: status.cutOffRate } : {}),
    ...(status.latencyMs ? { latencyMs: status.latencyMs } : {}),
    seed: status.seed,
  };
}

/** The faults in words, for the "now in force" list. */
export function describeFaults(status: FaultsStatus, now: number): string[] {
  const lines: string[] = [];
  if (status.down && status.downUntil) {
    const left = Math.max(0, Math.ceil((status.downUntil - now) / 1000));
    lines.push(`Site down for ${left} s more (${status.downMode === '503' ? '503 with Retry-After' : 'connections reset'})`);
  }
  if (status.errorRate > 0) {
    const retry = status.retryAfterSeconds !== undefined ? `, Retry-After ${status.retryAfterSeconds} s` : '';
    lines.push(`${Math.round(status.errorRate * 100)} % of requests answered ${status.errorStatus}${retry}`);
  }
  if (status.cutOffRate > 0) lines.push(`${Math.round(status.cutOffRate * 100)} % of replies cut off after the write`);
  if (status.latencyMs > 0) lines.push(`${status.latencyMs} ms added to every request`);
  if (lines.length > 0) lines.push(`Dice seed ${status.seed}`);
  return lines;
}
