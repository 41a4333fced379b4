/**
 * The Sync view: the integration's settings (saved, and the draft being edited), Test & Save's
 * result, the site's records the pickers list, the webhook URL (masked) and its rotation, and the
 * outbox. Typed slices; actions in sync.actions.ts, webhook-url.actions.ts and outbox.actions.ts.
 */
import { create, type StateCreator } from 'zustand';
import type { EngineSettingsView, OutboxItem, Problem } from '../../../../contract';
import { toDraft, type SettingsDraft } from './settings-draft';

export type Load = 'idle' | 'loading' | 'ready' | 'error';
export type PickerKind = 'owner' | 'group' | 'status' | 'activityType';
export interface PickerOption { id: string; name: string }

export interface SettingsSlice {
  saved: EngineSettingsView | null;
  draft: SettingsDraft | null;
  dirty: boolean;
  load: Load;
  loadError: string | undefined;
  /** Takes the saved settings: the draft follows them and is clean again. */
  setSaved: (view: EngineSettingsView) => void;
  setLoad: (load: Load, error?: string) => void;
  edit: (change: (draft: SettingsDraft) => Partial<SettingsDraft>) => void;
}

export interface CheckSlice {
  /** Test & Save in flight. */
  phase: 'idle' | 'testing' | 'saving';
  problems: Problem[];
  /** The last Test & Save: saved, or not (and why). */
  outcome: { saved: boolean; message: string } | null;
  setPhase: (phase: CheckSlice['phase']) => void;
  setOutcome: (outcome: CheckSlice['outcome'], problems?: Problem[]) => void;
}

export interface PickersSlice {
  options: Record<PickerKind, PickerOption[]>;
  pickersError: string | undefined;
  setOptions: (kind: PickerKind, options: PickerOption[]) => void;
  setPickersError: (error: string | undefined) => void;
}

export interface WebhookSlice {
  /** The webhook URL with its token as `***`. */
  maskedUrl: string | null;
  confirmingRotate: boolean;
  rotating: boolean;
  webhookNotice: { ok: boolean; text: string } | null;
  setMaskedUrl: (url: string) => void;
  setConfirmingRotate: (confirming: boolean) => void;
  setRotating: (rotating: boolean) => void;
  setWebhookNotice: (notice: WebhookSlice['webhookNotice']) => void;
}

export interface OutboxSlice {
  items: OutboxItem[];
  outboxLoad: Load;
  outboxError: string | undefined;
  showDone: boolean;
  /** Dead letters being put back, by id. */
  retrying: string[];
  retryError: string | undefined;
  setItems: (items: OutboxItem[]) => void;
  setOutboxLoad: (load: Load, error?: string) => void;
  setShowDone: (show: boolean) => void;
  setRetrying: (id: string, on: boolean, error?: string) => void;
}

export type SyncState = SettingsSlice & CheckSlice & PickersSlice & WebhookSlice & OutboxSlice;

const createSettingsSlice: StateCreator<SyncState, [], [], SettingsSlice> = (set) => ({
  saved: null,
  draft: null,
  dirty: false,
  load: 'idle',
  loadError: undefined,
  setSaved: (saved) => set({ saved, draft: toDraft(saved), dirty: false, load: 'ready', loadError: undefined }),
  setLoad: (load, loadError) => set({ load, loadError }),
  edit: (change) => set((s) => (s.draft ? { draft: { ...s.draft, ...change(s.draft) }, dirty: true } : {})),
});

const createCheckSlice: StateCreator<SyncState, [], [], CheckSlice> = (set) => ({
  phase: 'idle',
  problems: [],
  outcome: null,
  setPhase: (phase) => set({ phase }),
  setOutcome: (outcome, problems = []) => set({ outcome, problems, phase: 'idle' }),
});

const createPickersSlice: StateCreator<SyncState, [], [], PickersSlice> = (set) => ({
  options: { owner: [], group: [], status: [], activityType: [] },
  pickersError: undefined,
  setOptions: (kind, options) => set((s) => ({ options: { ...s.options, [kind]: options } })),
  setPickersError: (pickersError) => set({ pickersError }),
});

const createWebhookSlice: StateCreator<SyncState, [], [], WebhookSlice> = (set) => ({
  maskedUrl: null,
  confirmingRotate: false,
  rotating: false,
  webhookNotice: null,
  setMaskedUrl: (maskedUrl) => set({ maskedUrl }),
  setConfirmingRotate: (confirmingRotate) => set({ confirmingRotate }),
  setRotating: (rotating) => set({ rotating }),
  setWebhookNotice: (webhookNotice) => set({ webhookNotice }),
});

const createOutboxSlice: StateCreator<SyncState, [], [], OutboxSlice> = (set) => ({
  items: [],
  outboxLoad: 'idle',
  outboxError: undefined,
  showDone: false,
  retrying: [],
  retryError: undefined,
  setItems: (items) => set({ items, outboxLoad: 'ready', outboxError: undefined }),
  setOutboxLoad: (outboxLoad, outboxError) => set({ outboxLoad, outboxError }),
  setShowDone: (showDone) => set({ showDone }),
  setRetrying: (id, on, retryError) => set((s) => ({
    retrying: on ? [...s.retrying, id] : s.retrying.filter((x) => x !== id), retryError,
  })),
});

export const useSyncStore = create<SyncState>()((...a) => ({
  ...createSettingsSlice(...a), ...createCheckSlice(...a), ...createPickersSlice(...a), ...createWebhookSlice(...a), ...createOutboxSlice(...a),
}));
