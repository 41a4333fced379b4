/**
 * The desktop app's main process, with electron and startLab injected (the entry, index.ts, passes
 * the real ones; tests pass fakes). One window on a lab started here; a second launch focuses it;
 * quitting waits for the lab to close so the workspace is left clean.
 */
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import type { ElectronApi } from './electron-api';
import { registerIpcHandlers } from './ipc-handlers';
import { createLabHost, type LabHost, type StartLab } from './lab-host';
import { buildMenuTemplate } from './menu';
import { installSessionGuards } from './security';
import { createMainWindow } from './window';
import { windowStateFile } from './window-state';
import { createWorkspaceActions, type WorkspaceActions } from './workspace-actions';
import { rememberedWorkspace } from './workspace-files';

export const APP_TITLE = 'Case Sync Lab';

export interface DesktopAppOptions {
  electron: ElectronApi;
  startLab: StartLab;
  /** The built preload (CommonJS) and renderer folders; uiDir absent: the lab's placeholder page. */
  paths: { preload: string; uiDir?: string };
  version: string;
  /** Shown in About: process.versions of the running Electron. */
  versions?: { electron?: string; chrome?: string; node?: string };
  platform?: NodeJS.Platform;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface DesktopApp {
  /** Takes the single-instance lock, starts the lab, opens the window. False when another instance runs (this one quits). */
  start(): Promise<boolean>;
  window(): BrowserWindow | undefined;
  readonly host: LabHost;
  readonly actions: WorkspaceActions;
}

export function createDesktopApp(options: DesktopAppOptions): DesktopApp {
  const { electron } = options;
  const { app, dialog } = electron;
  const log = options.log ?? ((message: string) => console.log(`[desktop] ${message}`));
  const userData = app.getPath('userData');
  const paths = {
    defaultWorkspace: join(userData, 'workspace'),
    workspacesDir: join(userData, 'workspaces'),
    prefsFile: join(userData, 'desktop-prefs.json'),
  };
  let window: BrowserWindow | undefined;
  const host = createLabHost({ startLab: options.startLab, log, ...(options.paths.uiDir ? { uiDir: options.paths.uiDir } : {}) });
  const liveWindow = (): BrowserWindow | undefined => (window && !window.isDestroyed() ? window : undefined);
  const actions = createWorkspaceActions({ electron, host, window: liveWindow, paths, now: options.now ?? (() => new Date()), log });

  const showError = (title: string) => (error: unknown): void => {
    const message = error instanceof Error ? error.message : String(error);
    log(`${title} failed: ${message}`);
    dialog.showErrorBox(title, message);
  };
  const run = (title: string, task: () => Promise<unknown>) => () => { task().catch(showError(title)); };
  const about = async (): Promise<void> => {
    const v = options.versions ?? {};
    const detail = [`Electron ${v.electron ?? '?'}`, `Chromium ${v.chrome ?? '?'}`, `Node ${v.node ?? '?'}`, `Workspace: ${host.current()?.workspace ?? 'none'}`].join('\n');
    const box = { type: 'info' as const, title: `About ${APP_TITLE}`, message: `${APP_TITLE} ${options.version}`, detail, buttons: ['OK'] };
    const win = liveWindow();
    await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
  };

  const focusWindow = (): void => {
    const win = liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  };

  const installQuitHandling = (): void => {
    let shutdown: 'running' | 'closing' | 'done' = 'running';
    app.on('before-quit', (event) => {
      if (shutdown === 'done') return;
      // Hold the quit until the lab has closed: the engine flushes its log, the site its data.
      event.preventDefault();
      if (shutdown === 'closing') return;
      shutdown = 'closing';
      host.close()
        .catch((error: unknown) => log(`The lab did not close cleanly: ${String(error)}`))
        .finally(() => { shutdown = 'done'; app.quit(); });
    });
    app.on('window-all-closed', () => app.quit());
  };

  const openFirstWorkspace = async (): Promise<void> => {
    const remembered = await rememberedWorkspace(paths.prefsFile, paths.defaultWorkspace);
    try {
      await host.open(remembered);
    } catch (error) {
      if (remembered === paths.defaultWorkspace) throw error;
      log(`Could not open the last workspace ${remembered} (${String(error)}); opening the default one`);
      await host.open(paths.defaultWorkspace);
    }
  };

  const start = async (): Promise<boolean> => {
    if (!app.requestSingleInstanceLock()) {
      log('Case Sync Lab is already running: focusing its window');
      app.quit();
      return false;
    }
    app.on('second-instance', focusWindow);
    installQuitHandling();
    await app.whenReady();
    installSessionGuards({ session: electron.session.defaultSession, labOrigin: host.origin });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(buildMenuTemplate({
      appName: APP_TITLE,
      isMac: (options.platform ?? process.platform) === 'darwin',
      commands: {
        newWorkspace: run('New workspace', actions.newWorkspace),
        openWorkspace: run('Open workspace', actions.openWorkspace),
        revealWorkspace: run('Reveal workspace folder', actions.revealWorkspace),
        exportWorkspace: run('Export workspace', actions.exportWorkspace),
        importWorkspace: run('Import workspace', actions.importWorkspace),
        resetWorkspace: run('Reset workspace', actions.resetWorkspace),
        about: run('About', about),
      },
    })));
    registerIpcHandlers({
      ipcMain: electron.ipcMain, labOrigin: host.origin, windowContents: () => liveWindow()?.webContents, log,
      revealWorkspace: actions.revealWorkspace, openWorkspace: actions.openWorkspace,
    });
    try {
      await openFirstWorkspace();
    } catch (error) {
      showError('Case Sync Lab could not start the lab')(error);
      app.quit();
      return true;
    }
    window = createMainWindow({
      electron, preload: options.paths.preload, version: options.version, title: APP_TITLE,
      stateFile: windowStateFile(userData), labOrigin: host.origin, log,
    });
    await window.loadURL(host.windowUrl());
    return true;
  };

  return { start, window: liveWindow, host, actions };
}
