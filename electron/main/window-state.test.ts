import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, isVisibleOnSomeDisplay, loadWindowState, saveWindowState, windowStateFile } from './window-state';

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'csl-window-state-'));
  file = windowStateFile(dir);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('comes back as it was saved', async () => {
    saveWindowState(file, { bounds: { x: 40, y: 50, width: 1400, height: 900 }, maximized: true });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, bounds: { x: 40, y: 50, width: 1400, height: 900 }, maximized: true });
    expect(loadWindowState(file, [SCREEN])).toEqual({ state: { bounds: { x: 40, y: 50, width: 1400, height: 900 }, maximized: true } });
  });

  it('falls back to the default, centred, when there is no file', () => {
    const loaded = loadWindowState(file, [SCREEN]);
    expect(loaded.state).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
    expect(loaded.fallbackReason).toMatch(/does not exist/);
  });

  it('falls back when the file is corrupt or has wrong values, and says why', async () => {
    await writeFile(file, '{"version":1,"bounds":');
    expect(loadWindowState(file, [SCREEN]).fallbackReason).toMatch(/not valid JSON/);
    await writeFile(file, JSON.stringify({ version: 1, bounds: { x: 0, y: 0, width: 'wide', height: 900 }, maximized: false }));
    const loaded = loadWindowState(file, [SCREEN]);
    expect(loaded.state.bounds).toEqual({ ...DEFAULT_SIZE });
    expect(loaded.fallbackReason).toMatch(/bounds\.width/);
  });

  it('falls back when the saved position is on a display that is gone', () => {
    saveWindowState(file, { bounds: { x: 2500, y: 100, width: 1200, height: 800 }, maximized: false });
    expect(loadWindowState(file, [SCREEN]).fallbackReason).toMatch(/off every display/);
    const twoScreens = [SCREEN, { x: 1920, y: 0, width: 1920, height: 1080 }];
    expect(loadWindowState(file, twoScreens).state.bounds).toMatchObject({ x: 2500 });
  });

  it('fits the default size into a small screen', () => {
    expect(loadWindowState(file, [{ x: 0, y: 0, width: 1024, height: 700 }]).state.bounds).toEqual({ width: 1024, height: 700 });
  });

  it('needs a real piece of the window on screen, not a sliver', () => {
    expect(isVisibleOnSomeDisplay({ x: 1900, y: 10, width: 800, height: 600 }, [SCREEN])).toBe(false);
    expect(isVisibleOnSomeDisplay({ x: 1700, y: 10, width: 800, height: 600 }, [SCREEN])).toBe(true);
  });
});
