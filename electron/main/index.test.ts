/**
 * The entry with the electron module mocked (vi.mock): it wires the real module's parts and the
 * lab into the desktop app, and starts it. The real electron module must never load here: it would
 * try to download the binary.
 */
import { describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, type FakeElectron } from '../test-support/fake-electron';
import type { FakeLabControl } from '../test-support/fake-lab';

const fakes = vi.hoisted(() => ({ electron: undefined as unknown as FakeElectron, labs: undefined as unknown as FakeLabControl }));

vi.mock('electron', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { createFakeElectron: create } = await import('../test-support/fake-electron');
  fakes.electron = create({ userData: mkdtempSync(join(tmpdir(), 'csl-entry-')) });
  const app = Object.assign(fakes.electron.app, { getVersion: () => '7.7.7' });
  return { ...fakes.electron.api, app };
});
vi.mock('../../lab', async () => {
  const { createFakeLabs: create } = await import('../test-support/fake-lab');
  fakes.labs = create();
  return { startLab: fakes.labs.startLab };
});

describe('the main entry', () => {
  it('starts the desktop app with the preload beside the bundle and the app version', async () => {
    await import('./index');
    const { rm } = await import('node:fs/promises');
    try {
      await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1), { interval: 5, timeout: 30_000 });
      const window = FakeBrowserWindow.instances[0]!;
      expect(window.options.webPreferences?.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
      expect(window.options.webPreferences?.additionalArguments).toEqual(['--case-sync-lab-version=7.7.7']);
      await vi.waitFor(() => expect(window.loads).toEqual(['http://127.0.0.1:41001/#token=token-41001']), { interval: 5, timeout: 30_000 });
      expect(fakes.labs.starts).toHaveLength(1);
    } finally {
      fakes.electron.app.quit();
      await fakes.electron.app.quitted;
      await rm(fakes.electron.app.userData, { recursive: true, force: true });
    }
  });
});
