/** Selectors of the app store: each returns one small value, so a component re-renders only when it changes. */
import type { AppState } from './app.store';

export const selectView = (s: AppState) => s.view;
export const selectShow = (s: AppState) => s.show;
export const selectTheme = (s: AppState) => s.theme;
export const selectCycleTheme = (s: AppState) => s.cycleTheme;
export const selectHelpOpen = (s: AppState) => s.helpOpen;
export const selectSetHelpOpen = (s: AppState) => s.setHelpOpen;
export const selectConnection = (s: AppState) => s.connection;
export const selectMode = (s: AppState) => s.info?.mode ?? null;
export const selectVersion = (s: AppState) => s.info?.version ?? null;
