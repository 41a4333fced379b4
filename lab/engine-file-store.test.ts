import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore } from './engine-file-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csl-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createFileStore', () => {
  it('creates the folder and reads back appended records in order', async () => {
    const file = join(dir, 'deep', 'folder', 'engine.jsonl');
    const store = createFileStore<{ n: number }>(file);
    expect(await store.load()).toEqual([]);
    await store.append([{ n: 1 }, { n: 2 }]);
    await store.append([{ n: 3 }]);
    expect(await createFileStore<{ n: number }>(file).load()).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('batches concurrent appends (group commit) and keeps call order', async () => {
    const file = join(dir, 'engine.jsonl');
    const store = createFileStore<{ n: number }>(file);
    await Promise.all(Array.from({ length: 200 }, (_, n) => store.append([{ n }])));
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines.map((line) => JSON.parse(line).n)).toEqual(Array.from({ length: 200 }, (_, n) => n));
  });

  it('drops a torn last line and cuts it off, so later appends start on a clean line', async () => {
    const file = join(dir, 'engine.jsonl');
    await writeFile(file, '{"n":1}\n{"n":2}\n{"n":3,"tex');
    const store = createFileStore<{ n: number }>(file);
    expect(await store.load()).toEqual([{ n: 1 }, { n: 2 }]);
    await store.append([{ n: 4 }]);
    expect(await readFile(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":4}\n');
  });

  it('fails naming the file and line when a middle line is damaged', async () => {
    const file = join(dir, 'engine.jsonl');
    await writeFile(file, '{"n":1}\nnot json\n{"n":3}\n');
    await expect(createFileStore(file).load()).rejects.toThrow(`${file}: line 2 is damaged`);
  });

  it('compacts atomically: the log then holds exactly the given records, and appends continue', async () => {
    const file = join(dir, 'engine.jsonl');
    const store = createFileStore<{ n: number }>(file);
    await store.append([{ n: 1 }, { n: 2 }, { n: 3 }]);
    await store.compact([{ n: 9 }]);
    await store.append([{ n: 10 }]);
    expect(await createFileStore<{ n: number }>(file).load()).toEqual([{ n: 9 }, { n: 10 }]);
    expect(await readdir(dir)).toEqual(['engine.jsonl']); // the temp file is gone: only the log is left
  });
});
