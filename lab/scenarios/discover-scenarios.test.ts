import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findScenarioFiles, matchesGrep, parseGrep, parseShard, ScenarioSelectionError, selectShard } from './discover-scenarios';

describe('findScenarioFiles', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'csl-discover-'));
    for (const path of ['b.yaml', 'a.yml', 'nested/deep/z.yaml', 'nested/c.YAML', 'notes.md', 'node_modules/x.yaml', 'other/extra.txt']) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), 'x: 1\n');
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('walks folders for *.yaml / *.yml in a stable sorted order, skipping node_modules', async () => {
    const files = await findScenarioFiles(['.'], { cwd: dir });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['a.yml', 'b.yaml', 'nested/c.YAML', 'nested/deep/z.yaml']);
  });

  it('takes a file named explicitly whatever its extension, once even when named twice', async () => {
    const files = await findScenarioFiles(['other/extra.txt', 'b.yaml', 'b.yaml', 'nested'], { cwd: dir });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['b.yaml', 'nested/c.YAML', 'nested/deep/z.yaml', 'other/extra.txt']);
  });

  it('says which path does not exist', async () => {
    await expect(findScenarioFiles(['nope'], { cwd: dir })).rejects.toThrow(new ScenarioSelectionError('no such file or folder: nope'));
  });
});

describe('--grep / --grep-invert', () => {
  const target = { name: 'Handoff with summary', tags: ['handoff', 'smoke'], file: 'test/scenarios/handoff-summary.yaml' };

  it('matches the name, a tag (with or without @) or the file', () => {
    expect(matchesGrep(target, { grep: /with summ/ })).toBe(true);
    expect(matchesGrep(target, { grep: /^smoke$/ })).toBe(true);
    expect(matchesGrep(target, { grep: /@smoke/ })).toBe(true);
    expect(matchesGrep(target, { grep: /handoff-summary\.yaml$/ })).toBe(true);
    expect(matchesGrep(target, { grep: /outage/ })).toBe(false);
  });

  it('inverts, and combines with grep', () => {
    expect(matchesGrep(target, { grepInvert: /smoke/ })).toBe(false);
    expect(matchesGrep(target, { grep: /Handoff/, grepInvert: /outage/ })).toBe(true);
    expect(matchesGrep(target, {})).toBe(true);
  });

  it('reports a bad regular expression as a usage error', () => {
    expect(() => parseGrep('--grep', '(')).toThrow(/--grep: not a regular expression/);
    expect(parseGrep('--grep', undefined)).toBeUndefined();
  });
});

describe('--shard', () => {
  it('puts every scenario in exactly one shard, in order, with sizes differing by at most one', () => {
    for (let length = 0; length <= 23; length++) {
      const items = Array.from({ length }, (_, i) => i);
      for (let total = 1; total <= 7; total++) {
        const shards = Array.from({ length: total }, (_, i) => selectShard(items, { current: i + 1, total }));
        expect(shards.flat()).toEqual(items);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('splits like Playwright: contiguous blocks, the first shards one larger', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect([1, 2, 3].map((current) => selectShard(items, { current, total: 3 }))).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f', 'g']]);
    expect(selectShard(items, undefined)).toEqual(items);
  });

  it('parses i/n and rejects anything else', () => {
    expect(parseShard('2/4')).toEqual({ current: 2, total: 4 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/3', '4/3', '1/0', '2', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(/--shard: expected i\/n/);
  });
});
