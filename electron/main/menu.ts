/**
 * The application menu. No accelerators on the workspace commands: the lab's UI has its own
 * keyboard shortcuts (issue 6), and a menu accelerator would take the key before the page sees it.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuCommands {
  newWorkspace(): void;
  openWorkspace(): void;
  revealWorkspace(): void;
  exportWorkspace(): void;
  importWorkspace(): void;
  resetWorkspace(): void;
  about(): void;
}

export function buildMenuTemplate(options: { appName: string; isMac: boolean; commands: MenuCommands }): MenuItemConstructorOptions[] {
  const { commands } = options;
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New workspace…', click: () => commands.newWorkspace() },
      { label: 'Open workspace…', click: () => commands.openWorkspace() },
      { label: 'Reveal workspace folder', click: () => commands.revealWorkspace() },
      { type: 'separator' },
      { label: 'Export workspace…', click: () => commands.exportWorkspace() },
      { label: 'Import workspace…', click: () => commands.importWorkspace() },
      { type: 'separator' },
      { label: 'Reset workspace…', click: () => commands.resetWorkspace() },
      // On macOS Quit lives in the app menu (platform convention).
      ...(options.isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' },
      { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${options.appName}`, click: () => commands.about() }],
  };
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    // Without an Edit menu, copy and paste shortcuts do nothing on macOS.
    { role: 'editMenu' },
    view,
    help,
  ];
}
