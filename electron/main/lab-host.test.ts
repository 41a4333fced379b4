import { describe, expect, it } from 'vitest';
import { createFakeLabs } from '../test-support/fake-lab';
import { createLabHost } from './lab-host';

describe('the lab host', () => {
  it('closes the running lab before starting the next, even when asked twice at once', async () => {
    const labs = createFakeLabs();
    const order: string[] = [];
    const host = createLabHost({
      startLab: async (options) => {
        order.push(`start ${options.workspace} (running: ${labs.labs.filter((l) => !l.closed).length})`);
        return labs.startLab(options);
      },
      log: () => undefined,
    });
    await host.open('/w/a');
    await Promise.all([host.open('/w/b'), host.open('/w/c')]);
    expect(order).toEqual(['start /w/a (running: 0)', 'start /w/b (running: 0)', 'start /w/c (running: 0)']);
    expect(host.current()?.workspace).toBe('/w/c');
    expect(host.origin()).toBe('http://127.0.0.1:41003');
    expect(host.windowUrl()).toBe('http://127.0.0.1:41003/#token=token-41003');
  });

  it('goes back to the previous workspace when the new one cannot start', async () => {
    const labs = createFakeLabs();
    const host = createLabHost({ startLab: labs.startLab, log: () => undefined });
    await host.open('/w/a');
    labs.failOn.add('/w/broken');
    await expect(host.open('/w/broken')).rejects.toThrow('cannot start on /w/broken');
    expect(host.current()?.workspace).toBe('/w/a');
    expect(labs.starts.map((s) => s.workspace)).toEqual(['/w/a', '/w/broken', '/w/a']);
  });

  it('runs a task with the lab stopped, then starts it again on the same workspace', async () => {
    const labs = createFakeLabs();
    const host = createLabHost({ startLab: labs.startLab, log: () => undefined });
    await host.open('/w/a');
    const seen = await host.whileStopped(async (workspace) => ({ workspace, running: labs.labs.filter((l) => !l.closed).length }));
    expect(seen).toEqual({ workspace: '/w/a', running: 0 });
    expect(host.current()?.workspace).toBe('/w/a');
    expect(labs.labs).toHaveLength(2);
  });

  it('closes for good: idempotent, and nothing starts afterwards', async () => {
    const labs = createFakeLabs();
    const host = createLabHost({ startLab: labs.startLab, log: () => undefined });
    await host.open('/w/a');
    await host.close();
    await host.close();
    expect(labs.labs[0]!.closed).toBe(true);
    expect(host.origin()).toBeUndefined();
    await expect(host.open('/w/b')).rejects.toThrow(/quitting/);
    expect(() => host.windowUrl()).toThrow(/not running/);
  });
});
