import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from '../test-support/fake-electron';
import { createFakeLabs, type FakeLabControl } from '../test-support/fake-lab';
import { createLabHost } from './lab-host';
import { createWorkspaceActions } from './workspace-actions';
import { isInside, stamp } from './workspace-files';

let root: string;
let electron: FakeElectron;
let labs: FakeLabControl;
let window: FakeBrowserWindow;
const workspace = () => join(root, 'workspace');

async function setup() {
  const host = createLabHost({ startLab: labs.startLab, log: () => undefined });
  await host.open(workspace());
  const actions = createWorkspaceActions({
    electron: electron.api, host, window: () => window as unknown as BrowserWindow,
    paths: { workspacesDir: join(root, 'workspaces'), prefsFile: join(root, 'desktop-prefs.json') },
    now: () => new Date('2026-11-24T10:05:03.120Z'), log: () => undefined,
  });
  return { host, actions };
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'csl-workspace-'));
  electron = createFakeElectron({ userData: root });
  labs = createFakeLabs();
  window = new FakeBrowserWindow({});
  await mkdir(join(workspace(), 'creatio'), { recursive: true });
  await writeFile(join(workspace(), 'lab.json'), '{"version":1}\n');
  await writeFile(join(workspace(), 'creatio', 'Case.json'), '[{"Number":"SR00000001"}]\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('workspace actions', () => {
  it('exports a complete copy, taken with the lab stopped, then the lab runs again', async () => {
    const { actions, host } = await setup();
    const exports = join(root, 'exports');
    electron.folderAnswers.push(exports);
    const target = await actions.exportWorkspace();
    expect(target).toBe(join(exports, 'workspace-export-20261124-100503'));
    expect(await readFile(join(target!, 'creatio', 'Case.json'), 'utf8')).toContain('SR00000001');
    expect(labs.labs[0]!.closed).toBe(true);
    expect(host.current()?.workspace).toBe(workspace());
    expect(window.loads.at(-1)).toBe(host.windowUrl());
    // A second export the same second does not overwrite the first.
    electron.folderAnswers.push(exports);
    expect(await actions.exportWorkspace()).toBe(`${target}-2`);
  });

  it('refuses to export into the workspace itself', async () => {
    const { actions } = await setup();
    electron.folderAnswers.push(join(workspace(), 'creatio'));
    await expect(actions.exportWorkspace()).rejects.toThrow(/outside the workspace/);
  });

  it('does nothing when a dialog is cancelled', async () => {
    const { actions } = await setup();
    await expect(actions.exportWorkspace()).resolves.toBeUndefined();
    await expect(actions.importWorkspace()).resolves.toBe(false);
    await expect(actions.openWorkspace()).resolves.toBe(false);
    await expect(actions.newWorkspace()).resolves.toBe(false);
    expect(labs.starts).toHaveLength(1);
  });

  it('imports a workspace as a copy under userData/workspaces and opens it', async () => {
    const { actions, host } = await setup();
    electron.folderAnswers.push(workspace());
    await expect(actions.importWorkspace()).resolves.toBe(true);
    const imported = join(root, 'workspaces', 'workspace');
    expect(await readdir(imported)).toEqual(expect.arrayContaining(['creatio', 'lab.json']));
    expect(host.current()?.workspace).toBe(imported);
    expect(JSON.parse(await readFile(join(root, 'desktop-prefs.json'), 'utf8'))).toEqual({ version: 1, workspace: imported });
  });

  it('refuses to import a folder that is not a workspace', async () => {
    const { actions } = await setup();
    const notOne = join(root, 'photos');
    await mkdir(notOne);
    await writeFile(join(notOne, 'cat.jpg'), 'x');
    electron.folderAnswers.push(notOne);
    await expect(actions.importWorkspace()).rejects.toThrow(/is not a Case Sync Lab workspace/);
  });

  it('creates a new workspace only in an empty folder', async () => {
    const { actions, host } = await setup();
    electron.folderAnswers.push(workspace());
    await expect(actions.newWorkspace()).rejects.toThrow(/not empty/);
    electron.folderAnswers.push(join(root, 'fresh'));
    await expect(actions.newWorkspace()).resolves.toBe(true);
    expect(host.current()?.workspace).toBe(join(root, 'fresh'));
  });

  it('asks before opening a folder that is not a workspace', async () => {
    const { actions, host } = await setup();
    const other = join(root, 'notes');
    await mkdir(other);
    await writeFile(join(other, 'todo.txt'), 'x');
    electron.folderAnswers.push(other);
    electron.messageAnswers.push(0);
    await expect(actions.openWorkspace()).resolves.toBe(false);
    expect(host.current()?.workspace).toBe(workspace());
    electron.folderAnswers.push(other);
    electron.messageAnswers.push(1);
    await expect(actions.openWorkspace()).resolves.toBe(true);
    expect(host.current()?.workspace).toBe(other);
  });

  it('reveals the workspace folder in the file manager', async () => {
    const { actions } = await setup();
    await actions.revealWorkspace();
    expect(electron.openedPaths).toEqual([workspace()]);
  });
});

describe('workspace file helpers', () => {
  it('stamps a date for a folder name', () => {
    expect(stamp(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102-030405');
  });

  it('knows what lies inside a folder', () => {
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
    expect(isInside('/x', '/a/b')).toBe(false);
  });
});
