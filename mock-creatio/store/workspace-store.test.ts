import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError, type RecordChange } from './store.types';
import { CASE, CLOSED, NEW, caseId, caseRecord, ids, open, seed, tempDir } from './store-test-helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const caseFile = () => join(dir, 'data', 'Case.json');
const walLines = async () => (await readFile(join(dir, 'wal.jsonl'), 'utf8')).split('\n').filter(Boolean);

describe('workspace files', () => {
  it('seeds a new workspace: one pretty JSON file per entity in column order, and a manifest', async () => {
    const store = await open(dir);
    expect(ids(store, 'CaseStatus')).toEqual([NEW, CLOSED]);
    const text = await readFile(join(dir, 'data', 'CaseStatus.json'), 'utf8');
    expect(text).toBe(`${JSON.stringify([{ Id: NEW, Name: 'New' }, { Id: CLOSED, Name: 'Closed' }], null, 2)}\n`);
    expect(JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'))).toEqual({ format: 1, sequence: 0 });
    await store.close();
  });

  it('appends a commit to the log without rewriting the entity file', async () => {
    const store = await open(dir);
    const before = await readFile(caseFile(), 'utf8');
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(1) }]);
    expect(await readFile(caseFile(), 'utf8')).toBe(before);
    const lines = await walLines();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ seq: 1, changes: [{ kind: 'insert', entity: 'Case' }] });
    await store.close();
    // close() compacts: the data file now holds the record and the log is empty.
    expect(JSON.parse(await readFile(caseFile(), 'utf8'))).toHaveLength(2);
    expect(await walLines()).toEqual([]);
  });

  it('keeps inserts, in-place updates and deletes across a clean reopen', async () => {
    const store = await open(dir);
    for (let n = 1; n <= 3; n++) await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(n) }]);
    await store.commit([{ kind: 'update', entity: 'Case', record: caseRecord(1, { Subject: 'Changed' }) }]);
    await store.commit([{ kind: 'delete', entity: 'Case', id: caseId(2) }]);
    await store.close();
    const again = await open(dir);
    expect(ids(again)).toEqual([caseId(0), caseId(1), caseId(3)]);
    expect(again.table('Case')?.get(caseId(1))?.Subject).toBe('Changed');
    await again.close();
  });
});

describe('commit', () => {
  it('validates the whole commit before applying any of it', async () => {
    const store = await open(dir);
    const attempt = store.commit([
      { kind: 'insert', entity: 'Case', record: caseRecord(5) },
      { kind: 'update', entity: 'Case', record: caseRecord(6) },
    ]);
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.table('Case')?.get(caseId(5))).toBeUndefined();
    await expect(store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(0) }])).rejects.toMatchObject({
      code: 'DUPLICATE_KEY',
    });
    await expect(store.commit([{ kind: 'delete', entity: 'Nope', id: caseId(0) }])).rejects.toBeInstanceOf(StoreError);
    await expect(store.commit([{ kind: 'delete', entity: 'Nope', id: caseId(0) }])).rejects.toMatchObject({
      code: 'UNKNOWN_ENTITY',
    });
    expect(await walLines()).toEqual([]);
    await store.close();
  });

  it('lets one commit insert, update and delete the same record in order', async () => {
    const store = await open(dir);
    const changes = await store.commit([
      { kind: 'insert', entity: 'Case', record: caseRecord(7) },
      { kind: 'update', entity: 'Case', record: caseRecord(7, { Priority: 9 }) },
      { kind: 'update', entity: 'Case', record: caseRecord(0, { Subject: 'x' }) },
      { kind: 'delete', entity: 'Case', id: caseId(7) },
    ]);
    expect(changes.map((c) => c.kind)).toEqual(['insert', 'update', 'update', 'delete']);
    const update = changes[1] as Extract<RecordChange, { kind: 'update' }>;
    expect([update.before.Priority, update.after.Priority]).toEqual([1, 9]);
    expect(ids(store)).toEqual([caseId(0)]);
    expect(Object.isFrozen(store.table('Case')?.get(caseId(0)))).toBe(true);
    await store.close();
  });

  it('calls listeners in commit order after durability and survives a throwing listener', async () => {
    const errors: unknown[] = [];
    const store = await open(dir, { onListenerError: (err) => errors.push(err) });
    const seen: number[] = [];
    store.onCommit(() => {
      throw new Error('listener bug');
    });
    const off = store.onCommit((_changes, seq) => seen.push(seq));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(i + 1) }])),
    );
    off();
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(100) }]);
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(errors).toHaveLength(21);
    await store.close();
  });

  it('apply: changes are in memory at once, a bad one throws before anything is touched, durability comes after', async () => {
    const store = await open(dir, { durability: 'fsync' });
    expect(() => store.apply([{ kind: 'insert', entity: 'Case', record: caseRecord(0) }])).toThrow(expect.objectContaining({ code: 'DUPLICATE_KEY' }));
    const first = store.apply([{ kind: 'insert', entity: 'Case', record: caseRecord(1) }]);
    // the next part sees the first at once, before either is durable (a $batch's parts run like this)
    const second = store.apply([{ kind: 'update', entity: 'Case', record: caseRecord(1, { Subject: 'seen' }) }]);
    expect(store.table('Case')?.get(caseId(1))?.Subject).toBe('seen');
    expect(first.changes.map((c) => c.kind)).toEqual(['insert']);
    await Promise.all([first.durable, second.durable]);
    expect((await walLines()).map((line) => (JSON.parse(line) as { seq: number }).seq)).toEqual([1, 2]);
    await store.abandon();
    const again = await open(dir);
    expect(again.table('Case')?.get(caseId(1))?.Subject).toBe('seen');
    await again.close();
  });

  it('times its own synchronous steps (commits, compaction slices), from the last reset', async () => {
    const store = await open(dir, { durability: 'none' });
    expect(store.persistenceStats().longestStepMs).toBe(0);
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(1) }]);
    expect(store.persistenceStats().longestStepWithPausesMs).toBeGreaterThan(0); // wall time: a collection inside the step cannot make it 0
    store.resetPersistenceStats();
    expect(store.persistenceStats().longestStepMs).toBe(0);
    await store.saveSnapshot('timed'); // not persistence of commits: not timed
    expect(store.persistenceStats().longestStepMs).toBe(0);
    await store.commit(Array.from({ length: 500 }, (_, i) => ({ kind: 'insert' as const, entity: 'Case', record: caseRecord(i + 10) })));
    expect(store.persistenceStats().longestStepWithPausesMs).toBeGreaterThan(0); // wall time: a collection inside the step cannot make it 0
    await store.close();
  });

  it('keeps 1,000 parallel inserts, in order, after a crash (group commit)', async () => {
    const store = await open(dir, { durability: 'fsync' });
    const acked = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(i + 1) }])),
    );
    expect(acked).toHaveLength(1000);
    await store.abandon();
    const again = await open(dir);
    expect(ids(again)).toEqual(Array.from({ length: 1001 }, (_, i) => caseId(i)));
    await again.close();
  });
});

describe('crash recovery', () => {
  it('sees every acknowledged commit after a crash, ignoring a torn last line', async () => {
    const store = await open(dir);
    for (let n = 1; n <= 5; n++) await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(n) }]);
    await store.abandon();
    await appendFile(join(dir, 'wal.jsonl'), '{"seq":6,"changes":[{"kind":"ins');
    const again = await open(dir);
    expect(ids(again)).toHaveLength(6);
    // The torn tail was cut, so the next append starts on a clean line and the log stays readable.
    await again.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(6) }]);
    await again.abandon();
    const third = await open(dir);
    expect(ids(third)).toEqual(Array.from({ length: 7 }, (_, i) => caseId(i)));
    await third.close();
  });

  it('refuses a log with a corrupt line in the middle, naming file and line', async () => {
    const store = await open(dir);
    for (let n = 1; n <= 3; n++) await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(n) }]);
    await store.abandon();
    const lines = await walLines();
    lines[1] = '{"seq":2,"changes":[garbage';
    await writeFile(join(dir, 'wal.jsonl'), `${lines.join('\n')}\n`);
    await expect(open(dir)).rejects.toThrow(/wal\.jsonl line 2/);
    await expect(open(dir)).rejects.toMatchObject({ code: 'CORRUPT_WORKSPACE' });
  });

  it('refuses an entity file that is not valid JSON, naming file and line', async () => {
    const store = await open(dir);
    await store.close();
    await writeFile(caseFile(), '[\n  {\n    "Id": "x",\n  }\n]\n');
    await expect(open(dir)).rejects.toMatchObject({ code: 'CORRUPT_WORKSPACE' });
    await expect(open(dir)).rejects.toThrow(/Case\.json line 4/);
  });
});

describe('compaction', () => {
  it('compacts in the background while commits continue, losing nothing', async () => {
    const errors: unknown[] = [];
    const store = await open(dir, { compactAfterCommits: 40, onBackgroundError: (e) => errors.push(e) });
    let n = 0;
    for (let wave = 0; wave < 20; wave++) {
      await Promise.all(
        Array.from({ length: 25 }, () => store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(++n) }])),
      );
    }
    await store.commit([{ kind: 'update', entity: 'Case', record: caseRecord(1, { StatusId: CLOSED }) }]);
    expect(errors).toEqual([]);
    await store.abandon();
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { sequence: number };
    expect(manifest.sequence).toBeGreaterThan(0);
    const again = await open(dir);
    expect(ids(again)).toEqual(Array.from({ length: n + 1 }, (_, i) => caseId(i)));
    expect(again.table('Case')?.get(caseId(1))?.StatusId).toBe(CLOSED);
    await again.close();
    expect((await readdir(dir)).filter((f) => f.startsWith('wal'))).toEqual(['wal.jsonl']);
  });

  it('keeps every commit in the log when a compaction fails, and reports the failure', async () => {
    const errors: unknown[] = [];
    let reported: () => void = () => undefined;
    const failed = new Promise<void>((resolve) => (reported = resolve));
    const store = await open(dir, {
      compactAfterCommits: 10,
      onBackgroundError: (e) => (errors.push(e), reported()),
    });
    const good = await readFile(caseFile(), 'utf8');
    const { mkdir, rm } = await import('node:fs/promises');
    await rm(caseFile());
    await mkdir(caseFile()); // renaming the compacted file over a folder fails
    for (let n = 1; n <= 30; n++) await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(n) }]);
    await failed;
    await store.abandon();
    expect(String(errors[0])).toMatch(/Case\.json/);
    await rm(caseFile(), { recursive: true });
    await writeFile(caseFile(), good);
    const again = await open(dir);
    expect(ids(again)).toEqual(Array.from({ length: 31 }, (_, i) => caseId(i)));
    await again.close();
  });

  it('replays log entries again after a crash between data files and manifest (idempotent replay)', async () => {
    const store = await open(dir);
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(1) }]);
    await store.commit([{ kind: 'delete', entity: 'Case', id: caseId(0) }]);
    await store.abandon();
    // As if a compaction had renamed Case.json into place and crashed before writing the manifest,
    // in the middle of writing the next file.
    await writeFile(caseFile(), `${JSON.stringify([caseRecord(1)], null, 2)}\n`);
    await writeFile(join(dir, 'data', '.CaseStatus.json.123.4.tmp'), '[\n  {');
    const again = await open(dir);
    expect(ids(again)).toEqual([caseId(1)]);
    expect(await readdir(join(dir, 'data'))).toEqual(['Case.json', 'CaseStatus.json']);
    await again.close();
  });
});

describe('lookup index', () => {
  it('follows updates that change the indexed column, and deletes, in table order', async () => {
    const store = await open(dir);
    for (let n = 1; n <= 4; n++) await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(n) }]);
    const table = store.table('Case');
    expect(table?.lookup('StatusId', NEW).map((r) => r.Id)).toEqual([0, 1, 2, 3, 4].map(caseId));
    await store.commit([{ kind: 'update', entity: 'Case', record: caseRecord(3, { StatusId: CLOSED }) }]);
    await store.commit([{ kind: 'update', entity: 'Case', record: caseRecord(1, { StatusId: CLOSED }) }]);
    await store.commit([{ kind: 'update', entity: 'Case', record: caseRecord(2, { Subject: 'same status' }) }]);
    await store.commit([{ kind: 'delete', entity: 'Case', id: caseId(0) }]);
    expect(table?.lookup('StatusId', NEW).map((r) => r.Id)).toEqual([2, 4].map(caseId));
    expect(table?.lookup('StatusId', NEW)[0]?.Subject).toBe('same status');
    expect(table?.lookup('StatusId', CLOSED).map((r) => r.Id)).toEqual([1, 3].map(caseId));
    expect(table?.lookup('Priority', 1).map((r) => r.Id)).toEqual([1, 4].map(caseId));
    expect(table?.lookup('IsClosed', true)).toEqual([]);
    expect(table?.size).toBe(4);
    await store.close();
  });
});

describe('reset and snapshots', () => {
  it('saves, lists and restores snapshots, and resets to the seed, across reopen and crash', async () => {
    let clock = Date.UTC(2026, 10, 24, 18, 0, 0);
    const store = await open(dir, { now: () => new Date(clock) });
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(1) }]);
    expect(await store.saveSnapshot('before-demo')).toEqual({
      name: 'before-demo', createdOn: '2026-11-24T18:00:00.000Z', records: 4,
    });
    clock += 1000;
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(2) }]);
    await store.saveSnapshot('after.demo_2');
    expect((await store.listSnapshots()).map((s) => [s.name, s.records])).toEqual([['before-demo', 4], ['after.demo_2', 5]]);
    await store.restoreSnapshot('before-demo');
    expect(ids(store)).toEqual([caseId(0), caseId(1)]);
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(9) }]);
    await store.abandon();
    const again = await open(dir);
    expect(ids(again)).toEqual([caseId(0), caseId(1), caseId(9)]);
    await again.reset();
    expect(ids(again)).toEqual([caseId(0)]);
    await again.close();
    expect(ids(await open(dir))).toEqual([caseId(0)]);
  });

  it('replays a logged restore or reset that a crash kept from being compacted', async () => {
    const store = await open(dir);
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(1) }]);
    await store.saveSnapshot('one');
    await store.reset(); // writes the hidden ".seed" snapshot
    await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(2) }]);
    await store.close();
    const { sequence } = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { sequence: number };
    await appendFile(join(dir, 'wal.jsonl'), `{"seq":${sequence + 1},"restore":"one"}\n`);
    const again = await open(dir);
    expect(ids(again)).toEqual([caseId(0), caseId(1)]);
    await again.abandon();
    await appendFile(join(dir, 'wal.jsonl'), `{"seq":${sequence + 2},"restore":".seed"}\n`);
    // A seed function that has changed since (it may use the clock) does not matter: the data was saved.
    const third = await open(dir, { seed: () => ({ Case: [] }) });
    expect(ids(third)).toEqual([caseId(0)]);
    expect((await third.listSnapshots()).map((s) => s.name)).toEqual(['one']);
    await third.close();
  });

  it('rejects bad names and unknown snapshots', async () => {
    const store = await open(dir);
    await expect(store.saveSnapshot('../evil')).rejects.toMatchObject({ code: 'BAD_SNAPSHOT_NAME' });
    await expect(store.saveSnapshot('.hidden')).rejects.toThrow(/not valid/);
    await expect(store.restoreSnapshot('a/b')).rejects.toBeInstanceOf(StoreError);
    await expect(store.saveSnapshot('x'.repeat(65))).rejects.toMatchObject({ code: 'BAD_SNAPSHOT_NAME' });
    expect(await store.saveSnapshot('x'.repeat(64))).toMatchObject({ records: 3 });
    await expect(store.restoreSnapshot('missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await store.close();
  });

  it('takes a consistent snapshot while commits run', async () => {
    const store = await open(dir);
    let stop = false;
    let n = 0;
    const writer = (async () => {
      while (!stop) await store.commit([{ kind: 'insert', entity: 'Case', record: caseRecord(++n) }]);
    })();
    const waitFor = (count: number) =>
      new Promise<void>((resolve) => {
        const off = store.onCommit((_c, seq) => seq >= count && (off(), resolve()));
      });
    await waitFor(50);
    const saved = await store.saveSnapshot('mid');
    await waitFor(n + 50);
    stop = true;
    await writer;
    await store.restoreSnapshot('mid');
    // A prefix of the inserts, matching the count the snapshot reported, and fewer than were made.
    const restored = ids(store);
    expect(restored).toEqual(Array.from({ length: restored.length }, (_, i) => caseId(i)));
    expect(restored.length).toBe(saved.records - 2); // plus the two CaseStatus rows
    expect(restored.length).toBeGreaterThan(50);
    expect(restored.length).toBeLessThan(n + 1);
    await store.close();
  });
});

describe('seed', () => {
  it('seeds an entity that has no data file yet (a newer model) and keeps it', async () => {
    const store = await open(dir);
    await store.close();
    await writeFile(join(dir, 'data', 'Case.json'), '[]\n');
    const { rm } = await import('node:fs/promises');
    await rm(join(dir, 'data', 'CaseStatus.json'));
    const again = await open(dir);
    expect(ids(again, 'CaseStatus')).toEqual([NEW, CLOSED]);
    expect(ids(again)).toEqual([]);
    await again.close();
    expect(JSON.parse(await readFile(join(dir, 'data', 'CaseStatus.json'), 'utf8'))).toHaveLength(2);
    expect(seed().Case?.[0]?.Id).toBe(caseId(0));
    expect(CASE.columns[0]?.name).toBe('Id');
  });
});
