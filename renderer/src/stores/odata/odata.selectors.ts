/** Selectors of the OData console store. */
import type { ODataState } from './odata.store';

export const selectMethod = (s: ODataState) => s.method;
export const selectPath = (s: ODataState) => s.path;
export const selectBody = (s: ODataState) => s.body;
export const selectSending = (s: ODataState) => s.sending;
export const selectError = (s: ODataState) => s.error;
export const selectResult = (s: ODataState) => s.result;
export const selectHistory = (s: ODataState) => s.history;
