/**
 * The Electron main process entry (built by electron-vite to out/main/index.js, package.json
 * "main"). It only wires the real electron module and the real lab into createDesktopApp; all the
 * logic lives in modules that are tested with electron replaced by fakes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import { startLab } from '../../lab';
import { createDesktopApp } from './desktop-app';

// Paths relative to this bundle (out/main/index.js): the preload and the renderer are built beside it.
const preload = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererDir = fileURLToPath(new URL('../renderer/', import.meta.url));
const uiDir = existsSync(`${rendererDir}index.html`) ? rendererDir : undefined;

const desktop = createDesktopApp({
  electron: { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell },
  startLab,
  paths: { preload, ...(uiDir ? { uiDir } : {}) },
  version: app.getVersion(),
  versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
});

// Ctrl-C in the terminal that ran `npm start`: the same clean shutdown as the Quit menu item.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => app.quit());

desktop.start().catch((error: unknown) => {
  console.error(`[desktop] ${error instanceof Error ? error.message : String(error)}`);
});
