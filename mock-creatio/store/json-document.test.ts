import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openJsonDocument } from './json-document';
import { tempDir } from './store-test-helpers';

const Settings = z.object({
  siteName: z.string(),
  counter: z.number().int(),
  users: z.array(z.object({ userName: z.string(), password: z.string() })),
});
type Settings = z.infer<typeof Settings>;
const defaults: Settings = { users: [{ userName: 'Supervisor', password: 'x' }], siteName: 'Lab', counter: 0 };

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('openJsonDocument', () => {
  it('creates the folder and the file with defaults, keys sorted, 2-space indent', async () => {
    const file = join(dir, 'deep', 'site-settings.json');
    const doc = await openJsonDocument(file, Settings, defaults);
    expect(doc.read()).toEqual(defaults);
    expect(await readFile(file, 'utf8')).toBe(
      JSON.stringify({ counter: 0, siteName: 'Lab', users: [{ password: 'x', userName: 'Supervisor' }] }, null, 2),
    );
  });

  it('serialises concurrent updates so none is lost, and persists them', async () => {
    const file = join(dir, 'settings.json');
    const doc = await openJsonDocument(file, Settings, defaults);
    await Promise.all(Array.from({ length: 100 }, () => doc.update((d) => void (d.counter += 1))));
    expect(doc.read().counter).toBe(100);
    await doc.update((d) => ({ ...d, siteName: 'Renamed' }));
    const again = await openJsonDocument(file, Settings, defaults);
    expect(again.read()).toMatchObject({ counter: 100, siteName: 'Renamed' });
    expect(Object.isFrozen(again.read())).toBe(true);
  });

  it('rejects an invalid update without writing it, and keeps working', async () => {
    const file = join(dir, 'settings.json');
    const doc = await openJsonDocument(file, Settings, defaults);
    await expect(doc.update((d) => ({ ...d, counter: 1.5 }))).rejects.toThrow(/counter/);
    await expect(doc.update(() => {
      throw new Error('caller bug');
    })).rejects.toThrow('caller bug');
    expect((await doc.update((d) => void (d.counter = 2))).counter).toBe(2);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ counter: 2 });
  });

  it('names the file and the issue path for a broken file', async () => {
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'settings.json');
    await writeFile(file, JSON.stringify({ siteName: 'x', counter: 1, users: [{ userName: 7, password: 'p' }] }));
    await expect(openJsonDocument(file, Settings, defaults)).rejects.toThrow(/settings\.json: users\.0\.userName/);
    await writeFile(file, '{ not json');
    await expect(openJsonDocument(file, Settings, defaults)).rejects.toMatchObject({ code: 'CORRUPT_WORKSPACE' });
    await expect(openJsonDocument(file, Settings, defaults)).rejects.toThrow(/settings\.json/);
  });
});
