/**
 * The window itself: which view is shown, the theme, the help overlay, the connection to the lab and
 * the lab's info. Built from two typed slices (navigation, lab connection).
 */
import { create, type StateCreator } from 'zustand';
import type { LabInfo } from '../../../../contract';
import type { ViewId } from '../../app/views';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type Connection = 'connecting' | 'live' | 'reconnecting';

export interface NavigationSlice {
  view: ViewId;
  theme: ThemeChoice;
  helpOpen: boolean;
  show: (view: ViewId) => void;
  cycleTheme: () => void;
  setHelpOpen: (open: boolean) => void;
}

export interface LabSlice {
  connection: Connection;
  info: LabInfo | null;
  setConnection: (connection: Connection) => void;
  setInfo: (info: LabInfo) => void;
}

export type AppState = NavigationSlice & LabSlice;

const THEME_KEY = 'case-sync-lab.theme';
const VIEW_KEY = 'case-sync-lab.view';
const NEXT_THEME: Record<ThemeChoice, ThemeChoice> = { system: 'light', light: 'dark', dark: 'system' };

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  const value = typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  return allowed.includes(value as T) ? (value as T) : fallback;
}

const createNavigationSlice: StateCreator<AppState, [], [], NavigationSlice> = (set, get) => ({
  view: stored<ViewId>(VIEW_KEY, ['chat', 'desk', 'processes', 'webhooks', 'sync', 'timeline', 'faults', 'odata', 'scenarios'], 'chat'),
  theme: stored<ThemeChoice>(THEME_KEY, ['system', 'light', 'dark'], 'system'),
  helpOpen: false,
  show: (view) => {
    localStorage.setItem(VIEW_KEY, view);
    set({ view });
  },
  cycleTheme: () => {
    const theme = NEXT_THEME[get().theme];
    localStorage.setItem(THEME_KEY, theme);
    set({ theme });
  },
  setHelpOpen: (helpOpen) => set({ helpOpen }),
});

const createLabSlice: StateCreator<AppState, [], [], LabSlice> = (set) => ({
  connection: 'connecting',
  info: null,
  setConnection: (connection) => set({ connection }),
  setInfo: (info) => set({ info }),
});

export const useAppStore = create<AppState>()((...a) => ({ ...createNavigationSlice(...a), ...createLabSlice(...a) }));
