/** Selectors of the Creatio desk store. */
import type { CreatioState } from './creatio.store';

export const selectCases = (s: CreatioState) => s.cases;
export const selectListLoad = (s: CreatioState) => s.listLoad;
export const selectListError = (s: CreatioState) => s.listError;
export const selectOpenCaseId = (s: CreatioState) => s.openCaseId;
export const selectDetail = (s: CreatioState) => s.detail;
export const selectActivities = (s: CreatioState) => s.activities;
export const selectPageLoad = (s: CreatioState) => s.pageLoad;
export const selectPageError = (s: CreatioState) => s.pageError;
export const selectReplyText = (s: CreatioState) => s.replyText;
export const selectReplyType = (s: CreatioState) => s.replyType;
export const selectActing = (s: CreatioState) => s.acting;
export const selectActionError = (s: CreatioState) => s.actionError;
export const selectIsOpen = (id: string) => (s: CreatioState) => s.openCaseId === id;
/** The case's Number once the desk has read it ("SR00000012"), else null. */
export const selectCaseNumber = (caseId: string | null) => (s: CreatioState) =>
  (caseId ? s.cases.find((c) => c.id.toLowerCase() === caseId.toLowerCase())?.number ?? null : null);

/** The status a "Resolve" button moves to (IsResolved), and the one "Close" moves to (final, named Closed). */
export const selectResolvedStatusId = (s: CreatioState) => s.statuses.find((x) => x.isResolved)?.id ?? null;
export const selectClosedStatusId = (s: CreatioState) =>
  (s.statuses.find((x) => x.isFinal && x.name === 'Closed') ?? s.statuses.find((x) => x.isFinal && !x.isResolved))?.id ?? null;
/** True when the open case is in a final status (Closed, Cancelled): Creatio allows no further change. */
export const selectOpenCaseIsFinal = (s: CreatioState) =>
  !!s.detail && !!s.statuses.find((x) => x.id === s.detail?.statusId)?.isFinal;
