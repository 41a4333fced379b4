import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from '../test-support/fake-electron';
import { createFakeLabs, type FakeLabControl } from '../test-support/fake-lab';
import { createDesktopApp } from './desktop-app';

let userData: string;
let electron: FakeElectron;
let labs: FakeLabControl;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'csl-desktop-'));
  electron = createFakeElectron({ userData });
  labs = createFakeLabs();
});
afterEach(() => rm(userData, { recursive: true, force: true }));

const newApp = (fake = electron) => createDesktopApp({
  electron: fake.api, startLab: labs.startLab, paths: { preload: '/app/out/preload/index.cjs', uiDir: '/app/out/renderer/' },
  version: '0.1.0', platform: 'linux', log: () => undefined,
});

function menuItem(label: string): MenuItemConstructorOptions {
  for (const top of electron.menu.template as MenuItemConstructorOptions[]) {
    const found = (top.submenu as MenuItemConstructorOptions[] | undefined)?.find((item) => item.label === label);
    if (found) return found;
  }
  throw new Error(`no menu item ${label}`);
}

/** Waits for a condition that an event handler makes true (menu clicks do not return their promise). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('the desktop app', () => {
  it('starts the lab on userData/workspace and opens one secure window on the UI with the token in the fragment', async () => {
    const app = newApp();
    await expect(app.start()).resolves.toBe(true);
    expect(labs.starts).toEqual([{ workspace: join(userData, 'workspace'), uiDir: '/app/out/renderer/' }]);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, preload: '/app/out/preload/index.cjs' });
    expect(window.loads).toEqual([`http://127.0.0.1:41001/#token=token-41001`]);
    expect(electron.session.headersListener).toBeTypeOf('function');
    expect(electron.session.permissionRequestHandler).toBeTypeOf('function');
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('has the File and Help menu items of issue 6', async () => {
    await newApp().start();
    for (const label of ['New workspace…', 'Open workspace…', 'Reveal workspace folder', 'Export workspace…', 'Import workspace…', 'Reset workspace…', 'About Case Sync Lab']) {
      expect(menuItem(label).click).toBeTypeOf('function');
    }
    const file = (electron.menu.template as MenuItemConstructorOptions[]).find((m) => m.label === 'File')!;
    expect((file.submenu as MenuItemConstructorOptions[]).some((item) => item.role === 'quit')).toBe(true);
  });

  it('quits at once, starting nothing, when another instance holds the lock', async () => {
    electron = createFakeElectron({ userData, gotLock: false });
    await expect(newApp().start()).resolves.toBe(false);
    await electron.app.quitted;
    expect(labs.starts).toEqual([]);
    expect(FakeBrowserWindow.instances).toEqual([]);
  });

  it('focuses and restores its window when a second instance starts', async () => {
    await newApp().start();
    const window = FakeBrowserWindow.instances[0]!;
    window.minimize();
    electron.app.emit('second-instance', {}, ['electron', '.'], '/tmp');
    expect(window.isMinimized()).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('quits only after lab.close() has finished', async () => {
    await newApp().start();
    let openGate!: () => void;
    labs.closeGate = new Promise((resolve) => { openGate = resolve; });
    let quitted = false;
    void electron.app.quitted.then(() => { quitted = true; });

    electron.app.quit();
    electron.app.quit(); // a second Quit while closing changes nothing
    await new Promise((resolve) => setImmediate(resolve));
    expect(quitted).toBe(false);
    expect(labs.labs[0]!.closed).toBe(false);

    openGate();
    await electron.app.quitted;
    expect(labs.labs[0]!.closed).toBe(true);
    expect(labs.starts).toHaveLength(1);
  });

  it('remembers the window size and position for the next launch', async () => {
    await newApp().start();
    const first = FakeBrowserWindow.instances[0]!;
    first.setBounds({ x: 30, y: 40, width: 1500, height: 950 });
    first.close();
    const saved = JSON.parse(await readFile(join(userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ version: 1, bounds: { x: 30, y: 40, width: 1500, height: 950 }, maximized: false });

    const again = createFakeElectron({ userData });
    await newApp(again).start();
    expect(FakeBrowserWindow.instances[0]!.options).toMatchObject({ x: 30, y: 40, width: 1500, height: 950 });
  });

  it('resets the workspace only after the user confirms, then reloads the window', async () => {
    await newApp().start();
    const window = FakeBrowserWindow.instances[0]!;
    electron.messageAnswers.push(0); // Cancel
    menuItem('Reset workspace…').click!({} as never, undefined, {} as never);
    electron.messageAnswers.push(1); // Reset
    menuItem('Reset workspace…').click!({} as never, undefined, {} as never);
    await until(() => window.webContents.reloads === 1);
    expect(labs.labs[0]!.resets).toBe(1);
  });

  it('opens a workspace asked for through the preload: the lab restarts on it and the window follows', async () => {
    const app = newApp();
    await app.start();
    const window = FakeBrowserWindow.instances[0]!;
    const other = join(userData, 'elsewhere');
    await mkdir(other); // startLab creates it; the fake does not
    electron.folderAnswers.push(other);
    const handler = electron.ipcHandlers.get(IPC_CHANNELS.openWorkspace)!;
    const event = { sender: window.webContents, senderFrame: { url: window.loads[0]! } };
    await expect(handler(event)).resolves.toBe(true);
    expect(labs.labs[0]!.closed).toBe(true);
    expect(labs.starts.map((s) => s.workspace)).toEqual([join(userData, 'workspace'), other]);
    expect(window.loads.at(-1)).toBe('http://127.0.0.1:41002/#token=token-41002');
    // The old page's origin is no longer the lab's: its calls are refused.
    await expect(handler(event)).rejects.toThrow(/IPC_SENDER_REJECTED/);

    // Next launch opens the workspace used last.
    const again = createFakeElectron({ userData });
    await newApp(again).start();
    expect(labs.starts.at(-1)!.workspace).toBe(other);
  });

  it('shows an error and quits when the lab cannot start', async () => {
    labs.failOn.add(join(userData, 'workspace'));
    await newApp().start();
    expect(electron.errors).toEqual([{ title: 'Case Sync Lab could not start the lab', message: `cannot start on ${join(userData, 'workspace')}` }]);
    await electron.app.quitted;
    expect(FakeBrowserWindow.instances).toEqual([]);
  });

  it('reports a failed menu command in an error box', async () => {
    await newApp().start();
    const full = join(userData, 'workspace'); // not empty once a file is in it
    await mkdir(join(full, 'creatio'), { recursive: true });
    electron.folderAnswers.push(full);
    menuItem('New workspace…').click!({} as never, undefined, {} as never);
    await until(() => electron.errors.length > 0);
    expect(electron.errors[0]).toEqual({ title: 'New workspace', message: `${full} is not empty: a new workspace needs an empty folder` });
  });
});
