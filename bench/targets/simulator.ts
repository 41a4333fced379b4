import { watch } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startMockCreatio, type MockCreatio } from '../../mock-creatio/index';
import type { Dataset } from '../lib/activity-data';
import { bearerToken } from '../lib/site-token';
import { runTarget } from './child';

/**
 * The simulated Creatio site with the bench's activities. The data goes in through the store (in
 * chunks, like a bulk import), then the site is closed and started again on the same workspace so
 * the measured server loaded its data from disk, as a user's lab does.
 */

const CHUNK = 5_000;

/** One Case per case id, cloned from a seed Case, so every activity's CaseId points at a real row. */
async function insertCases(mock: MockCreatio, caseIds: readonly string[]): Promise<void> {
  const table = mock.store.table('Case');
  const template = table ? [...table.all()][0] : undefined;
  if (!template) return;
  const records = caseIds
    .filter((id) => !table?.get(id))
    .map((id, i) => ({ ...template, Id: id, Number: `SR9${String(i).padStart(7, '0')}`, Subject: `Bench case ${i}` }));
  for (let i = 0; i < records.length; i += CHUNK) {
    await mock.store.commit(records.slice(i, i + CHUNK).map((record) => ({ kind: 'insert', entity: 'Case', record })));
  }
}

async function prefill(mock: MockCreatio, data: Dataset): Promise<void> {
  await insertCases(mock, data.caseIds);
  for (let i = 0; i < data.rows.length; i += CHUNK) {
    const chunk = data.rows.slice(i, i + CHUNK);
    await mock.store.commit(chunk.map((record) => ({ kind: 'insert', entity: 'Activity', record })));
  }
}

runTarget(async (data, config) => {
  const workspace = join(config.workDir, 'workspace');
  await mkdir(workspace, { recursive: true });
  const t0 = performance.now();
  const seeding = await startMockCreatio({ workspace });
  await prefill(seeding, data);
  await seeding.close();
  const t1 = performance.now();
  const mock = await startMockCreatio({ workspace });
  const t2 = performance.now();
  const token = await bearerToken(mock.url);
  // A compaction ends by renaming a new manifest.json into place (store/workspace-store.ts): counted
  // from outside the store, so the bench needs no hook in the simulator.
  let compactions = 0;
  const watcher = watch(join(workspace, 'creatio'), (event, file) => {
    if (event === 'rename' && file === 'manifest.json') compactions += 1;
  });
  return {
    url: mock.url,
    headers: { authorization: `Bearer ${token}` },
    phases: { prefill: t1 - t0, 'reload from disk': t2 - t1 },
    compactions: () => compactions,
    persistence: { stats: () => mock.store.persistenceStats(), reset: () => mock.store.resetPersistenceStats() },
    close: async () => {
      watcher.close();
      await mock.close();
    },
  };
});
