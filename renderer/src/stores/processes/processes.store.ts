/**
 * The Processes view: the site's processes, the one being edited, what the editor needs to help
 * (the site's objects, recent records, the live preview) and the selected process's runs. Four typed
 * slices; actions in processes.actions.ts and preview.actions.ts.
 */
import { create, type StateCreator } from 'zustand';
import type { CheckedProcess, ProcessPreview, ProcessRun } from '../../../../contract';
import type { Draft } from './draft';
import type { EntityModel } from './entity-model';

export type Load = 'idle' | 'loading' | 'ready' | 'error';

/** A record to preview or fire against: its Id and what the list shows. */
export interface RecordOption { id: string; label: string }

export interface ListSlice {
  processes: CheckedProcess[];
  listLoad: Load;
  listError: string | undefined;
  /** The process open in the editor; null with a draft = a new process. */
  selectedId: string | null;
  setProcesses: (processes: CheckedProcess[]) => void;
  setListLoad: (load: Load, error?: string) => void;
  upsertProcess: (process: CheckedProcess) => void;
  removeProcess: (id: string) => void;
}

export interface EditorSlice {
  draft: Draft | null;
  /** Edited since opened or saved. */
  dirty: boolean;
  /** An action in flight ("Saving"), for the busy state. */
  acting: string | null;
  actionError: string | undefined;
  open: (id: string | null, draft: Draft | null) => void;
  edit: (change: (draft: Draft) => Partial<Draft>) => void;
  /** Takes what the site saved: the draft follows it and is clean again. */
  saved: (draft: Draft) => void;
  setActing: (acting: string | null, error?: string) => void;
}

export interface HelpersSlice {
  model: EntityModel | null;
  modelError: string | undefined;
  /** Recent records of the signal's object, newest first. */
  records: RecordOption[];
  recordsOf: string | null;
  recordId: string | null;
  preview: ProcessPreview | null;
  previewError: string | undefined;
  /** Records of lookup objects (ActivityType, CaseStatus...) for the filter's value picker. */
  lookupValues: Record<string, RecordOption[]>;
  setModel: (model: EntityModel | null, error?: string) => void;
  setRecords: (entity: string, records: RecordOption[]) => void;
  chooseRecord: (id: string | null) => void;
  setPreview: (preview: ProcessPreview | null, error?: string) => void;
  setLookupValues: (entity: string, values: RecordOption[]) => void;
}

export interface RunsSlice {
  runs: ProcessRun[];
  runsFor: string | null;
  /** The run the test-fire button just made (shown open). */
  firedRunId: string | null;
  setRuns: (processId: string, runs: ProcessRun[]) => void;
  setFiredRun: (run: ProcessRun | null) => void;
}

export type ProcessesState = ListSlice & EditorSlice & HelpersSlice & RunsSlice;

const createListSlice: StateCreator<ProcessesState, [], [], ListSlice> = (set) => ({
  processes: [],
  listLoad: 'idle',
  listError: undefined,
  selectedId: null,
  setProcesses: (processes) => set({ processes, listLoad: 'ready', listError: undefined }),
  setListLoad: (listLoad, listError) => set({ listLoad, listError }),
  upsertProcess: (process) => set((s) => ({
    processes: s.processes.some((p) => p.id === process.id) ? s.processes.map((p) => (p.id === process.id ? process : p)) : [...s.processes, process],
  })),
  removeProcess: (id) => set((s) => ({ processes: s.processes.filter((p) => p.id !== id) })),
});

const createEditorSlice: StateCreator<ProcessesState, [], [], EditorSlice> = (set) => ({
  draft: null,
  dirty: false,
  acting: null,
  actionError: undefined,
  open: (selectedId, draft) => set({
    selectedId, draft, dirty: draft !== null && selectedId === null, actionError: undefined, preview: null, previewError: undefined,
    runs: [], runsFor: null, firedRunId: null,
  }),
  edit: (change) => set((s) => (s.draft ? { draft: { ...s.draft, ...change(s.draft) }, dirty: true } : {})),
  saved: (draft) => set({ draft, dirty: false, selectedId: draft.id, actionError: undefined }),
  setActing: (acting, actionError) => set({ acting, actionError }),
});

const createHelpersSlice: StateCreator<ProcessesState, [], [], HelpersSlice> = (set) => ({
  model: null,
  modelError: undefined,
  records: [],
  recordsOf: null,
  recordId: null,
  preview: null,
  previewError: undefined,
  lookupValues: {},
  setModel: (model, modelError) => set({ model, modelError }),
  setRecords: (entity, records) => set((s) => ({
    records, recordsOf: entity,
    // Keep the chosen record while it is still listed; else the newest.
    recordId: s.recordsOf === entity && records.some((r) => r.id === s.recordId) ? s.recordId : records[0]?.id ?? null,
  })),
  chooseRecord: (recordId) => set({ recordId }),
  setPreview: (preview, previewError) => set({ preview, previewError }),
  setLookupValues: (entity, values) => set((s) => ({ lookupValues: { ...s.lookupValues, [entity]: values } })),
});

const createRunsSlice: StateCreator<ProcessesState, [], [], RunsSlice> = (set) => ({
  runs: [],
  runsFor: null,
  firedRunId: null,
  setRuns: (runsFor, runs) => set((s) => (s.selectedId === runsFor ? { runs, runsFor } : {})),
  setFiredRun: (run) => set((s) => ({
    firedRunId: run?.id ?? null,
    runs: run && s.selectedId === run.processId && !s.runs.some((r) => r.id === run.id) ? [...s.runs, run] : s.runs,
  })),
});

export const useProcessesStore = create<ProcessesState>()((...a) => ({
  ...createListSlice(...a), ...createEditorSlice(...a), ...createHelpersSlice(...a), ...createRunsSlice(...a),
}));
