/**
 * The workspace commands of the File menu (and of the preload's openWorkspace): each asks with a
 * native dialog, then acts through the lab host. Opening another workspace restarts the lab on it
 * (new port, new token) and loads the window on the new URL. Errors are thrown to the caller, which
 * shows them (desktop-app.ts).
 */
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import type { ElectronApi } from './electron-api';
import type { LabHost } from './lab-host';
import { exportWorkspace, importWorkspace, isEmptyFolder, isWorkspace, rememberWorkspace } from './workspace-files';

export interface WorkspaceActionsDeps {
  electron: Pick<ElectronApi, 'dialog' | 'shell'>;
  host: LabHost;
  window: () => BrowserWindow | undefined;
  /** Where Import puts copies (userData/workspaces) and where the last workspace is remembered. */
  paths: { workspacesDir: string; prefsFile: string };
  now: () => Date;
  log: (message: string) => void;
}

export interface WorkspaceActions {
  /** Restarts the lab on `dir`, remembers it for the next launch, loads the window on the new lab. */
  openAt(dir: string): Promise<void>;
  newWorkspace(): Promise<boolean>;
  openWorkspace(): Promise<boolean>;
  revealWorkspace(): Promise<void>;
  exportWorkspace(): Promise<string | undefined>;
  importWorkspace(): Promise<boolean>;
  resetWorkspace(): Promise<boolean>;
}

export function createWorkspaceActions(deps: WorkspaceActionsDeps): WorkspaceActions {
  const { dialog, shell } = deps.electron;
  const pickFolder = async (options: OpenDialogOptions): Promise<string | undefined> => {
    const win = deps.window();
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  };
  const confirm = async (message: string, detail: string, action: string): Promise<boolean> => {
    const options = { type: 'question' as const, message, detail, buttons: ['Cancel', action], defaultId: 0, cancelId: 0 };
    const win = deps.window();
    const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
    return response === 1;
  };
  const currentWorkspace = (): string => {
    const lab = deps.host.current();
    if (!lab) throw new Error('The lab is not running');
    return lab.workspace;
  };
  const openAt = async (dir: string): Promise<void> => {
    await deps.host.open(dir);
    rememberWorkspace(deps.paths.prefsFile, dir);
    await deps.window()?.loadURL(deps.host.windowUrl());
  };

  return {
    openAt,
    async newWorkspace() {
      const dir = await pickFolder({ title: 'New workspace: choose an empty folder', buttonLabel: 'Create workspace', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] });
      if (!dir) return false;
      if (!(await isEmptyFolder(dir))) throw new Error(`${dir} is not empty: a new workspace needs an empty folder`);
      await openAt(dir);
      return true;
    },
    async openWorkspace() {
      const dir = await pickFolder({ title: 'Open workspace', buttonLabel: 'Open workspace', properties: ['openDirectory', 'createDirectory'] });
      if (!dir) return false;
      const usable = (await isWorkspace(dir)) || (await isEmptyFolder(dir))
        || await confirm(`${dir} is not a Case Sync Lab workspace.`, 'Use it anyway? The lab will add its folders (creatio, engine, chat) and lab.json to it.', 'Use this folder');
      if (!usable) return false;
      await openAt(dir);
      return true;
    },
    async revealWorkspace() {
      const dir = currentWorkspace();
      // openPath answers an error message, or '' on success.
      const problem = await shell.openPath(dir);
      if (problem) throw new Error(`Could not show ${dir}: ${problem}`);
    },
    async exportWorkspace() {
      currentWorkspace();
      const parent = await pickFolder({ title: 'Export workspace: choose where to put the copy', buttonLabel: 'Export here', properties: ['openDirectory', 'createDirectory'] });
      if (!parent) return undefined;
      // The copy is taken with the lab stopped, so every file is complete (no write in flight).
      const target = await deps.host.whileStopped((source) => exportWorkspace({ source, destinationParent: parent, now: deps.now() }));
      await deps.window()?.loadURL(deps.host.windowUrl());
      deps.log(`Workspace exported to ${target}`);
      const done = { type: 'info' as const, message: 'Workspace exported', detail: `${target}\n\nIt holds the engine's settings, secrets included: share it with care.`, buttons: ['OK'] };
      const win = deps.window();
      void (win ? dialog.showMessageBox(win, done) : dialog.showMessageBox(done));
      return target;
    },
    async importWorkspace() {
      const source = await pickFolder({ title: 'Import workspace: choose an exported workspace folder', buttonLabel: 'Import', properties: ['openDirectory'] });
      if (!source) return false;
      const target = await importWorkspace({ source, workspacesDir: deps.paths.workspacesDir });
      deps.log(`Workspace ${source} imported into ${target}`);
      await openAt(target);
      return true;
    },
    async resetWorkspace() {
      const dir = currentWorkspace();
      const sure = await confirm('Reset the workspace?', `${dir}: the Creatio data goes back to its seed, conversations and the engine log are deleted. Settings and business processes are kept.`, 'Reset');
      if (!sure) return false;
      await deps.host.reset();
      deps.window()?.webContents.reload();
      return true;
    },
  };
}
