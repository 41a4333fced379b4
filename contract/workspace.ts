/** Workspace reset and snapshots, and the lab's own health and info. */
import { z } from 'zod';

/** Same rule as the site's snapshots (docs/admin-api.md). */
export const SnapshotName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit');

export const Snapshot = z.object({ name: z.string(), createdOn: z.string() });
export type Snapshot = z.infer<typeof Snapshot>;

export const SnapshotList = z.object({ snapshots: z.array(Snapshot) });
export type SnapshotList = z.infer<typeof SnapshotList>;

/** `POST /api/workspace/snapshots` */
export const SaveSnapshotBody = z.object({ name: SnapshotName });
export type SaveSnapshotBody = z.infer<typeof SaveSnapshotBody>;

/** Answer of actions that have nothing else to say (reset, restore, clock). */
export const Done = z.object({ ok: z.literal(true) });
export type Done = z.infer<typeof Done>;

export const LabMode = z.enum(['every-conversation', 'handoff-only']);
export type LabMode = z.infer<typeof LabMode>;

/** `GET /api/health` (no token needed). */
export const Health = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof Health>;

/** `GET /api/info` */
export const LabInfo = z.object({
  version: z.string(),
  mode: LabMode,
  workspace: z.string(),
  urls: z.object({
    creatio: z.string(),
    /** Token masked: `.../backend/creatio/webhook/***`. */
    webhook: z.string(),
    ui: z.string(),
    api: z.string(),
  }),
});
export type LabInfo = z.infer<typeof LabInfo>;
