/**
 * Named snapshots of the whole lab: the site's data (its own snapshot under `creatio/snapshots/`)
 * plus copies of the engine's log and the chat's file under `<ws>/snapshots/<name>/`.
 *
 * Order matters because the parts are copied one after the other while the lab runs. The engine's
 * log is copied first: the site and the chat may then be a little ahead of it, which a restored
 * engine handles (it re-sends what it had not recorded as done; the site answers a duplicate id,
 * the chat shows a message id once). The other way round, the engine would believe in writes the
 * site never saw. The log is append-only, so any copy is a valid prefix (a torn last line is
 * dropped on load, as after a crash).
 */
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { MockCreatio } from '../mock-creatio';
import type { EngineSlot } from './lab-engine';
import type { ChatSlot } from './lab-conversations';
import { readJsonIfAny, type WorkspacePaths, writeJsonAtomic } from './lab-workspace';

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const SnapshotMeta = z.object({ name: z.string(), createdOn: z.string() });
type SnapshotMeta = z.infer<typeof SnapshotMeta>;

export interface SnapshotDeps {
  paths: WorkspacePaths;
  site: MockCreatio;
  engine: EngineSlot;
  chat: ChatSlot;
  fsync: boolean;
  /** Restarts the engine and chat after the files are back (the lab re-applies its settings). */
  restart(): Promise<void>;
}

function checkName(name: string): void {
  if (!NAME_RE.test(name)) {
    throw new Error(`Snapshot name "${name}" is not valid: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
}

/** Copies `from` to `to`, or removes `to` when there is no `from` (an engine that never wrote). */
async function copyOrRemove(from: string, to: string): Promise<void> {
  try {
    await copyFile(from, to);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    await rm(to, { force: true });
  }
}

export function createLabSnapshots(deps: SnapshotDeps) {
  const { paths } = deps;
  const chatFile = join(paths.chatDir, 'chat.json');
  const metaOf = (name: string) => readJsonIfAny(join(paths.snapshotsDir, name, 'snapshot.json'), (v) => SnapshotMeta.parse(v));

  return {
    async save(name: string): Promise<SnapshotMeta> {
      checkName(name);
      const temp = join(paths.snapshotsDir, `.${name}.tmp`);
      await rm(temp, { recursive: true, force: true });
      await mkdir(temp, { recursive: true });
      await copyOrRemove(paths.engineLog, join(temp, 'engine-log.jsonl'));
      await copyOrRemove(chatFile, join(temp, 'chat.json'));
      const site = await deps.site.store.saveSnapshot(name);
      const meta = { name, createdOn: site.createdOn };
      await writeJsonAtomic(join(temp, 'snapshot.json'), meta, { fsync: deps.fsync });
      const target = join(paths.snapshotsDir, name);
      await rm(target, { recursive: true, force: true });
      await rename(temp, target);
      return meta;
    },
    async restore(name: string): Promise<void> {
      checkName(name);
      if (!(await metaOf(name))) throw new Error(`No lab snapshot named "${name}"`);
      await deps.engine.stop();
      await deps.chat.close();
      try {
        await deps.site.processes.engine.idle();
        await deps.site.store.restoreSnapshot(name);
        const dir = join(paths.snapshotsDir, name);
        await mkdir(paths.chatDir, { recursive: true });
        await mkdir(dirname(paths.engineLog), { recursive: true });
        await copyOrRemove(join(dir, 'engine-log.jsonl'), paths.engineLog);
        await copyOrRemove(join(dir, 'chat.json'), chatFile);
      } finally {
        // Even when the restore failed halfway, the lab keeps an engine and a chat over what is on disk.
        await deps.restart();
      }
    },
    async list(): Promise<SnapshotMeta[]> {
      let names: string[];
      try {
        names = (await readdir(paths.snapshotsDir)).filter((n) => NAME_RE.test(n));
      } catch {
        return [];
      }
      const metas = await Promise.all(names.map((n) => metaOf(n).catch(() => undefined)));
      return metas.filter((m): m is SnapshotMeta => m !== undefined).sort((a, b) => a.createdOn.localeCompare(b.createdOn));
    },
  };
}
