/**
 * The parts of the electron module that main uses, as one injectable object: the entry passes the
 * real module, tests pass fakes (the binary cannot run on CI machines, toolchain.md). Types only.
 */
import type {
  App, BrowserWindow, BrowserWindowConstructorOptions, Dialog, IpcMain, Menu, Screen, Session, Shell,
} from 'electron';

export interface ElectronApi {
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit' | 'exit' | 'whenReady' | 'getPath' | 'getName'>;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
  Menu: Pick<typeof Menu, 'buildFromTemplate' | 'setApplicationMenu'>;
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'>;
  shell: Pick<Shell, 'openExternal' | 'openPath'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  screen: Pick<Screen, 'getAllDisplays'>;
  session: { defaultSession: Session };
}
