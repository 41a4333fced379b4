import { describe, expect, it } from 'vitest';
import { createProcessLog, type ProcessLogEntry } from './process-log';

const entry = (id: string): ProcessLogEntry => ({
  id, processId: 'p', processName: 'P', trigger: { entity: 'Case', event: 'added', recordId: 'r' },
  startedOn: '2026-01-01T00:00:00.000Z', parameters: {}, status: 'completed', attempts: 1,
});

describe('process log: onAdd (the lab observes runs)', () => {
  it('tells each listener about each entry until it unsubscribes, and a throwing listener breaks nothing', () => {
    const log = createProcessLog(2);
    const seen: string[] = [];
    log.onAdd(() => {
      throw new Error('observer failed');
    });
    const off = log.onAdd((e) => seen.push(e.id));
    log.add(entry('a'));
    off();
    log.add(entry('b'));
    expect(seen).toEqual(['a']);
    expect(log.list().map((e) => e.id)).toEqual(['a', 'b']);
  });

  it('hands listeners a copy, so an observer cannot change the log', () => {
    const log = createProcessLog();
    log.onAdd((e) => void (e.processName = 'changed'));
    log.add(entry('a'));
    expect(log.list()[0]!.processName).toBe('P');
  });
});
