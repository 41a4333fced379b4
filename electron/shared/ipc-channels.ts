/**
 * The few desktop-only extras the preload exposes to the lab's page (conventions.md: the preload
 * exposes open/reveal a workspace folder and the app version, nothing else). Shared by main and
 * preload, so it must stay free of runtime dependencies: a sandboxed preload can require only
 * `electron` (zod lives in main, which validates every call).
 */

/** IPC channel names (ipcRenderer.invoke → ipcMain.handle). */
export const IPC_CHANNELS = {
  revealWorkspace: 'case-sync-lab:reveal-workspace',
  openWorkspace: 'case-sync-lab:open-workspace',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Main passes the app version to the sandboxed preload as a command-line switch (webPreferences.additionalArguments). */
export const VERSION_SWITCH = '--case-sync-lab-version=';

/** The name under which the bridge appears in the page: `window.caseSyncLab`. */
export const BRIDGE_NAME = 'caseSyncLab';

/** What the page sees as `window.caseSyncLab` (the renderer may declare it from this type). */
export interface CaseSyncLabBridge {
  /** The desktop app's version (package.json). */
  readonly version: string;
  /** `process.platform` of the desktop app: 'darwin', 'win32', 'linux'... */
  readonly platform: string;
  /** Shows the current workspace folder in the system's file manager. */
  revealWorkspace(): Promise<void>;
  /** Asks for a workspace folder; when one is chosen the lab restarts on it and the window reloads. Resolves false if cancelled. */
  openWorkspace(): Promise<boolean>;
}
