/** Selectors of the Processes store. */
import type { ProcessIssue } from '../../../../contract';
import type { ProcessesState } from './processes.store';

export const selectProcesses = (s: ProcessesState) => s.processes;
export const selectListLoad = (s: ProcessesState) => s.listLoad;
export const selectListError = (s: ProcessesState) => s.listError;
export const selectSelectedId = (s: ProcessesState) => s.selectedId;
export const selectDraft = (s: ProcessesState) => s.draft;
export const selectDirty = (s: ProcessesState) => s.dirty;
export const selectActing = (s: ProcessesState) => s.acting;
export const selectActionError = (s: ProcessesState) => s.actionError;
export const selectModel = (s: ProcessesState) => s.model;
export const selectModelError = (s: ProcessesState) => s.modelError;
export const selectRecords = (s: ProcessesState) => s.records;
export const selectRecordId = (s: ProcessesState) => s.recordId;
export const selectPreview = (s: ProcessesState) => s.preview;
export const selectPreviewError = (s: ProcessesState) => s.previewError;
export const selectRuns = (s: ProcessesState) => s.runs;
export const selectFiredRunId = (s: ProcessesState) => s.firedRunId;
export const selectIsSelected = (id: string) => (s: ProcessesState) => s.selectedId === id;
export const selectLookupValues = (entity: string | undefined) => (s: ProcessesState) => (entity ? s.lookupValues[entity] : undefined);

const NO_ISSUES: ProcessIssue[] = [];
/** Live check errors of the draft (from the preview). */
export const selectCheckErrors = (s: ProcessesState): ProcessIssue[] => s.preview?.checks.errors ?? NO_ISSUES;
/** Live warnings of the draft (from the preview), else those the site gave the saved process. */
export const selectCheckWarnings = (s: ProcessesState): ProcessIssue[] =>
  s.preview ? s.preview.checks.warnings : s.processes.find((p) => p.id === s.selectedId)?.warnings ?? NO_ISSUES;
