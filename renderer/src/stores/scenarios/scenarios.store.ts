/**
 * The Scenarios view: the library, the scenario open in the editor with its check result, runs in a
 * fresh lab as they progress, and the presenter stepping through a scenario on this lab. Four typed slices.
 */
import { create, type StateCreator } from 'zustand';
import type { PresenterState, ScenarioCheckResult, ScenarioRun, ScenarioStepResult, ScenarioSummary } from '../../../../contract';

export type Load = 'idle' | 'loading' | 'ready' | 'error';

export interface LibrarySlice {
  library: ScenarioSummary[];
  libraryLoad: Load;
  libraryError: string | undefined;
  filter: string;
  setLibrary: (library: ScenarioSummary[]) => void;
  setLibraryLoad: (load: Load, error?: string) => void;
  setFilter: (filter: string) => void;
}

/** Where the editor's text came from: a library file (by its path) or the disk / a paste (by a name). */
export type Opened = { kind: 'library'; path: string } | { kind: 'text'; name: string };

export interface EditorSlice {
  opened: Opened | null;
  text: string;
  /** The text differs from the library file it was opened from. */
  edited: boolean;
  check: ScenarioCheckResult | null;
  checking: boolean;
  editorError: string | undefined;
  /** Which panel the view shows. */
  tab: 'editor' | 'present';
  open: (opened: Opened, text: string) => void;
  setText: (text: string) => void;
  setCheck: (check: ScenarioCheckResult | null, checking?: boolean) => void;
  setEditorError: (error: string | undefined) => void;
  setTab: (tab: 'editor' | 'present') => void;
}

export interface RunsSlice {
  runs: Record<string, ScenarioRun>;
  /** The run the view shows (the last one started from this window). */
  currentRunId: string | null;
  starting: boolean;
  runError: string | undefined;
  setStarting: (starting: boolean, error?: string) => void;
  showRun: (runId: string) => void;
  upsertRun: (run: ScenarioRun) => void;
  /** A step ended (event): added to a run the window knows, once. */
  addRunStep: (runId: string, step: ScenarioStepResult) => void;
}

export interface PresenterSlice {
  presenter: PresenterState | null;
  /** A presenter action in flight (load, next, reset). */
  presenterBusy: boolean;
  presenterError: string | undefined;
  setPresenter: (presenter: PresenterState) => void;
  setPresenterBusy: (busy: boolean, error?: string) => void;
}

export type ScenariosState = LibrarySlice & EditorSlice & RunsSlice & PresenterSlice;

const createLibrarySlice: StateCreator<ScenariosState, [], [], LibrarySlice> = (set) => ({
  library: [],
  libraryLoad: 'idle',
  libraryError: undefined,
  filter: '',
  setLibrary: (library) => set({ library, libraryLoad: 'ready', libraryError: undefined }),
  setLibraryLoad: (libraryLoad, libraryError) => set({ libraryLoad, libraryError }),
  setFilter: (filter) => set({ filter }),
});

const createEditorSlice: StateCreator<ScenariosState, [], [], EditorSlice> = (set) => ({
  opened: null,
  text: '',
  edited: false,
  check: null,
  checking: false,
  editorError: undefined,
  tab: 'editor',
  open: (opened, text) => set({ opened, text, edited: false, check: null, editorError: undefined, tab: 'editor' }),
  setText: (text) => set({ text, edited: true }),
  setCheck: (check, checking = false) => set({ check, checking }),
  setEditorError: (editorError) => set({ editorError }),
  setTab: (tab) => set({ tab }),
});

const createRunsSlice: StateCreator<ScenariosState, [], [], RunsSlice> = (set) => ({
  runs: {},
  currentRunId: null,
  starting: false,
  runError: undefined,
  setStarting: (starting, runError) => set({ starting, runError }),
  showRun: (currentRunId) => set({ currentRunId }),
  upsertRun: (run) => set((s) => {
    // A step event may have arrived after this answer was written: keep the longer list.
    const known = s.runs[run.runId];
    const steps = known && known.steps.length > run.steps.length && run.status === 'running' ? known.steps : run.steps;
    return { runs: { ...s.runs, [run.runId]: { ...run, steps } } };
  }),
  addRunStep: (runId, step) => set((s) => {
    const run = s.runs[runId];
    if (!run || run.steps.some((known) => known.index === step.index)) return {};
    return { runs: { ...s.runs, [runId]: { ...run, steps: [...run.steps, step].sort((a, b) => a.index - b.index) } } };
  }),
});

const createPresenterSlice: StateCreator<ScenariosState, [], [], PresenterSlice> = (set) => ({
  presenter: null,
  presenterBusy: false,
  presenterError: undefined,
  setPresenter: (presenter) => set({ presenter }),
  setPresenterBusy: (presenterBusy, presenterError) => set({ presenterBusy, presenterError }),
});

export const useScenariosStore = create<ScenariosState>()((...a) => ({
  ...createLibrarySlice(...a), ...createEditorSlice(...a), ...createRunsSlice(...a), ...createPresenterSlice(...a),
}));
