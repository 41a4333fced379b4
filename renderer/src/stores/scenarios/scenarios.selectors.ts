/** Selectors of the scenarios store: each returns one small value (or a stable reference). */
import type { PresenterState, ScenarioSummary } from '../../../../contract';
import type { ScenariosState } from './scenarios.store';

export const selectLibraryLoad = (s: ScenariosState) => s.libraryLoad;
export const selectLibraryError = (s: ScenariosState) => s.libraryError;
export const selectFilter = (s: ScenariosState) => s.filter;
export const selectOpened = (s: ScenariosState) => s.opened;
export const selectText = (s: ScenariosState) => s.text;
export const selectEdited = (s: ScenariosState) => s.edited;
export const selectCheck = (s: ScenariosState) => s.check;
export const selectChecking = (s: ScenariosState) => s.checking;
export const selectEditorError = (s: ScenariosState) => s.editorError;
export const selectTab = (s: ScenariosState) => s.tab;
export const selectStarting = (s: ScenariosState) => s.starting;
export const selectRunError = (s: ScenariosState) => s.runError;
export const selectCurrentRun = (s: ScenariosState) => (s.currentRunId ? s.runs[s.currentRunId] ?? null : null);
export const selectPresenter = (s: ScenariosState): PresenterState | null => s.presenter;
export const selectPresenterBusy = (s: ScenariosState) => s.presenterBusy;
export const selectPresenterError = (s: ScenariosState) => s.presenterError;
/** A presentation is loaded (the compact bar shows on other views). */
export const selectPresenting = (s: ScenariosState) => (s.presenter?.status ?? 'idle') !== 'idle';

/** The library filtered by name, path or tag (the same array while nothing changed). */
const filtered = new WeakMap<ScenarioSummary[], { filter: string; list: ScenarioSummary[] }>();
export const selectVisibleLibrary = (s: ScenariosState): ScenarioSummary[] => {
  const needle = s.filter.trim().toLowerCase();
  if (!needle) return s.library;
  const cached = filtered.get(s.library);
  if (cached?.filter === needle) return cached.list;
  const list = s.library.filter((entry) => [entry.name, entry.path, ...entry.tags].some((text) => text.toLowerCase().includes(needle)));
  filtered.set(s.library, { filter: needle, list });
  return list;
};

/**
 * What Run and Present send: the library path while unedited (the file itself), else the text. A new
 * object each call: for actions (getState()), not for subscribing.
 */
export const sourceOf = (s: ScenariosState): { yaml: string; name?: string } | { file: string } | null => {
  if (!s.opened) return null;
  if (s.opened.kind === 'library' && !s.edited) return { file: s.opened.path };
  return { yaml: s.text, name: s.opened.kind === 'library' ? s.opened.path : s.opened.name };
};
