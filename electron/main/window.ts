/**
 * The one window: secure webPreferences, guards against leaving the lab, and its size and position
 * remembered (window-state.ts).
 */
import type { BrowserWindow } from 'electron';
import type { ElectronApi } from './electron-api';
import { guardWebContents, secureWebPreferences } from './security';
import { loadWindowState, saveWindowState, type WindowState } from './window-state';

export interface MainWindowOptions {
  electron: Pick<ElectronApi, 'BrowserWindow' | 'screen' | 'shell'>;
  preload: string;
  version: string;
  title: string;
  stateFile: string;
  labOrigin: () => string | undefined;
  log: (message: string) => void;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { electron, log } = options;
  const displays = electron.screen.getAllDisplays();
  const loaded = loadWindowState(options.stateFile, displays.map((display) => display.workArea));
  if (loaded.fallbackReason) log(`Window state not reused: ${loaded.fallbackReason}`);
  const window = new electron.BrowserWindow({
    ...loaded.state.bounds,
    minWidth: 960,
    minHeight: 600,
    title: options.title,
    show: false,
    webPreferences: secureWebPreferences({ preload: options.preload, version: options.version }),
  });
  guardWebContents({
    contents: window.webContents, labOrigin: options.labOrigin, log,
    openExternal: (url) => electron.shell.openExternal(url),
  });
  if (loaded.state.maximized) window.maximize();
  // Show once painted (no white flash), or at once if the page could not load, to show the error.
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', () => { if (!window.isVisible()) window.show(); });
  trackWindowState(window, options.stateFile, log);
  return window;
}

/**
 * Keeps the last normal bounds in memory and writes them when the window closes. Bounds come from
 * getNormalBounds(), so a maximized window still remembers the size it returns to.
 */
function trackWindowState(window: BrowserWindow, file: string, log: (message: string) => void): void {
  const capture = (): Omit<WindowState, 'version'> | undefined => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return undefined;
    return { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  };
  let latest = capture();
  const update = () => { latest = capture() ?? latest; };
  window.on('resize', update);
  window.on('move', update);
  window.on('maximize', update);
  window.on('unmaximize', update);
  window.on('close', () => {
    update();
    if (!latest) return;
    try {
      saveWindowState(file, latest);
    } catch (error) {
      log(`Could not save the window state to ${file}: ${String(error)}`);
    }
  });
}
