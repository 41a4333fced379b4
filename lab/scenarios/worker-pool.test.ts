import { describe, expect, it } from 'vitest';
import { runPool } from './worker-pool';

/** A task the test finishes when it chooses (no timers). */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Resolves once `condition()` holds, checking after each pending microtask/IO turn. */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setImmediate(r));
}

describe('runPool', () => {
  it('never runs more than `concurrency` tasks at once, and keeps every worker busy', async () => {
    const gates = Array.from({ length: 7 }, () => deferred<void>());
    const started: number[] = [];
    let running = 0;
    let maxRunning = 0;
    const pool = runPool(gates, {
      concurrency: 3,
      run: async (gate, index) => {
        started.push(index);
        running++;
        maxRunning = Math.max(maxRunning, running);
        await gate.promise;
        running--;
        return index * 10;
      },
    });
    await until(() => started.length === 3);
    expect(started).toEqual([0, 1, 2]);
    // Finish the second one: exactly one more starts.
    gates[1]!.resolve();
    await until(() => started.length === 4);
    expect(running).toBe(3);
    for (const gate of gates) gate.resolve();
    expect(await pool).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(maxRunning).toBe(3);
    expect(started.sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('returns results in the items order whatever order they finish in', async () => {
    const gates = Array.from({ length: 5 }, () => deferred<void>());
    const finished: number[] = [];
    const pool = runPool(['a', 'b', 'c', 'd', 'e'], {
      concurrency: 5,
      run: async (item, index) => {
        await gates[index]!.promise;
        finished.push(index);
        return item.toUpperCase();
      },
    });
    for (const index of [4, 2, 0, 3, 1]) {
      gates[index]!.resolve();
      await until(() => finished.includes(index));
    }
    expect(finished).toEqual([4, 2, 0, 3, 1]);
    expect(await pool).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('handles no items and a concurrency larger than the work', async () => {
    expect(await runPool([], { concurrency: 4, run: async () => 1 })).toEqual([]);
    expect(await runPool([1, 2], { concurrency: 64, run: async (n) => n + 1 })).toEqual([2, 3]);
  });
});
