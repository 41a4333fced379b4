import { describe, expect, it } from 'vitest';
import { summarize } from './engine-stats';
import { correctnessLine, createReplyLedger, exactlyOnce, paceLabel, type ReplyRow, replyRow, replyVerdict } from './reply-stats';

const base = { agents: 1, intervalMs: 100, conversations: 2, seconds: 1, failedPosts: 0, loopMaxMs: 1, webhookCall: summarize([2, 3]), processErrors: 0 };

describe('the replies ledger', () => {
  it('times a reply from just before its POST to its delivery', async () => {
    const ledger = createReplyLedger();
    ledger.written('a', 100, 104);
    const delivered = ledger.whenDelivered('a', 1_000);
    ledger.delivered('a', 112);
    expect(await delivered).toBe(true);
    expect(ledger.figures()).toEqual({ written: 1, delivered: 1, duplicates: 0, unexpected: 0, latencyMs: [12], postMs: [4] });
  });

  it('keeps a delivery that beat the POST\'s answer, and counts a second delivery as a duplicate', async () => {
    const ledger = createReplyLedger();
    ledger.delivered('a', 103);
    ledger.written('a', 100, 105);
    expect(await ledger.whenDelivered('a', 1_000)).toBe(true);
    ledger.delivered('a', 120);
    const f = ledger.figures();
    expect(f.latencyMs).toEqual([3]);
    expect(f.duplicates).toBe(1);
  });

  it('counts a delivery nobody wrote as unexpected, once, and a reply never delivered as missing', async () => {
    const ledger = createReplyLedger();
    ledger.written('a', 0, 1);
    ledger.delivered('stranger', 5);
    expect(await ledger.whenDelivered('a', 1)).toBe(false);
    expect(ledger.figures()).toMatchObject({ written: 1, delivered: 0, unexpected: 1, latencyMs: [] });
    expect(ledger.figures().unexpected).toBe(1);
  });
});

const row = (over: Partial<ReplyRow> = {}): ReplyRow => ({
  ...replyRow({ ...base, webhooks: 2, engineDelivered: 2 }, { written: 2, delivered: 2, duplicates: 0, unexpected: 0, latencyMs: [10, 20], postMs: [1, 2] }),
  ...over,
});

describe('exactly once and the 50 ms target', () => {
  it('holds only when every written reply was delivered once and the engine agrees', () => {
    expect(exactlyOnce(row())).toBe(true);
    expect(correctnessLine(row())).toContain('exactly once');
    expect(exactlyOnce(row({ delivered: 1 }))).toBe(false);
    expect(exactlyOnce(row({ duplicates: 1 }))).toBe(false);
    expect(exactlyOnce(row({ engineDelivered: 3 }))).toBe(false);
    expect(exactlyOnce(row({ written: 0, delivered: 0, engineDelivered: 0 }))).toBe(false);
    expect(correctnessLine(row({ duplicates: 1 }))).toContain('NOT exactly once');
  });

  it('is met when every level\'s p99 is under 50 ms, exactly once', () => {
    expect(replyVerdict({ levels: [row()] }).met).toBe(true);
    expect(replyVerdict({ levels: [row(), row({ agents: 10, latency: summarize([10, 60]) })] })).toMatchObject({ met: false });
    expect(replyVerdict({ levels: [row({ duplicates: 1 })] }).met).toBe(false);
    expect(replyVerdict({ levels: [] }).met).toBeUndefined();
  });

  it('judges only the paced rows: the unpaced ones measure capacity', () => {
    const { intervalMs: _, ...saturated } = row({ agents: 10, latency: summarize([70, 90]) });
    expect(replyVerdict({ levels: [row(), saturated] }).met).toBe(true);
    expect(replyVerdict({ levels: [saturated] }).met).toBeUndefined();
    expect(paceLabel(saturated)).toBe('10 agents, next once delivered');
    expect(paceLabel(row())).toBe('1 agent, one reply each every 100 ms');
  });
});
