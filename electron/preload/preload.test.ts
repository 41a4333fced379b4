import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BRIDGE_NAME, IPC_CHANNELS } from '../shared/ipc-channels';
import { createBridge, versionFromArgv } from './bridge';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as unknown[][],
}));

// The real module would try to download the Electron binary: never load it in tests.
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (name: string, api: unknown) => electron.exposed.set(name, api) },
  ipcRenderer: { invoke: async (...args: unknown[]) => { electron.invoked.push(args); return args[0] === IPC_CHANNELS.openWorkspace; } },
}));

describe('the preload', () => {
  beforeEach(() => {
    electron.exposed.clear();
    electron.invoked.length = 0;
    vi.resetModules();
  });

  it('exposes window.caseSyncLab with only version, platform, revealWorkspace and openWorkspace', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--case-sync-lab-version=9.8.7'];
    try {
      await import('./index');
    } finally {
      process.argv = argv;
    }
    expect([...electron.exposed.keys()]).toEqual([BRIDGE_NAME]);
    const bridge = electron.exposed.get(BRIDGE_NAME) as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['openWorkspace', 'platform', 'revealWorkspace', 'version']);
    expect(bridge.version).toBe('9.8.7');
    expect(bridge.platform).toBe(process.platform);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('forwards each call to its channel with no arguments from the page', async () => {
    await import('./index');
    const bridge = electron.exposed.get(BRIDGE_NAME) as { openWorkspace(...a: unknown[]): Promise<boolean>; revealWorkspace(...a: unknown[]): Promise<void> };
    await expect(bridge.openWorkspace('/etc', { evil: true })).resolves.toBe(true);
    await expect(bridge.revealWorkspace('../..')).resolves.toBeUndefined();
    expect(electron.invoked).toEqual([[IPC_CHANNELS.openWorkspace], [IPC_CHANNELS.revealWorkspace]]);
  });
});

describe('createBridge', () => {
  it('answers false from openWorkspace for anything but true', async () => {
    const bridge = createBridge({ invoke: async () => 'yes', argv: [], platform: 'linux' });
    await expect(bridge.openWorkspace()).resolves.toBe(false);
  });

  it('reads the version switch, or says unknown', () => {
    expect(versionFromArgv(['electron', '--case-sync-lab-version=0.1.0'])).toBe('0.1.0');
    expect(versionFromArgv(['electron', '--case-sync-lab-version='])).toBe('unknown');
    expect(versionFromArgv([])).toBe('unknown');
  });
});
