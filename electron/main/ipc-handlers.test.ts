import { describe, expect, it } from 'vitest';
import type { WebContents } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import { registerIpcHandlers } from './ipc-handlers';

const LAB = 'http://127.0.0.1:41234';

function setup() {
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const windowContents = { id: 1 } as unknown as WebContents;
  const calls: string[] = [];
  const logs: string[] = [];
  const unregister = registerIpcHandlers({
    ipcMain: {
      handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => { handlers.set(channel, handler); },
      removeHandler: (channel: string) => { handlers.delete(channel); },
    } as never,
    labOrigin: () => LAB,
    windowContents: () => windowContents,
    revealWorkspace: async () => { calls.push('reveal'); },
    openWorkspace: async () => { calls.push('open'); return true; },
    log: (m) => logs.push(m),
  });
  const invoke = (channel: string, event: { sender: unknown; senderFrame: { url: string } | null }, ...args: unknown[]) =>
    handlers.get(channel)!(event, ...args);
  const fromLab = { sender: windowContents, senderFrame: { url: `${LAB}/#token=secret-token` } };
  return { handlers, invoke, fromLab, windowContents, calls, logs, unregister };
}

describe('IPC from the preload', () => {
  it('runs the call when it comes from the lab page of the app window, with no arguments', async () => {
    const { invoke, fromLab, calls } = setup();
    await expect(invoke(IPC_CHANNELS.openWorkspace, fromLab)).resolves.toBe(true);
    await expect(invoke(IPC_CHANNELS.revealWorkspace, fromLab)).resolves.toBeUndefined();
    expect(calls).toEqual(['open', 'reveal']);
  });

  it('rejects a frame showing another origin, and logs no token', async () => {
    const { invoke, windowContents, calls, logs } = setup();
    const event = { sender: windowContents, senderFrame: { url: 'https://evil.example/#token=secret-token' } };
    await expect(invoke(IPC_CHANNELS.revealWorkspace, event)).rejects.toThrow(/IPC_SENDER_REJECTED.*https:\/\/evil\.example/);
    expect(calls).toEqual([]);
    expect(logs.join('\n')).not.toContain('secret-token');
  });

  it('rejects another webContents and a frame that is gone', async () => {
    const { invoke, windowContents, calls } = setup();
    await expect(invoke(IPC_CHANNELS.openWorkspace, { sender: { id: 2 }, senderFrame: { url: `${LAB}/` } })).rejects.toThrow(/not come from the app window/);
    await expect(invoke(IPC_CHANNELS.openWorkspace, { sender: windowContents, senderFrame: null })).rejects.toThrow(/frame is gone/);
    await expect(invoke(IPC_CHANNELS.openWorkspace, { sender: windowContents, senderFrame: { url: 'file:///etc/passwd' } })).rejects.toThrow(/IPC_SENDER_REJECTED/);
    expect(calls).toEqual([]);
  });

  it('rejects arguments the channel does not take', async () => {
    const { invoke, fromLab, calls } = setup();
    await expect(invoke(IPC_CHANNELS.openWorkspace, fromLab, '/etc')).rejects.toThrow(/IPC_BAD_ARGUMENTS.*got 1/);
    expect(calls).toEqual([]);
  });

  it('registers exactly the two extras and removes them', () => {
    const { handlers, unregister } = setup();
    expect([...handlers.keys()].sort()).toEqual([IPC_CHANNELS.openWorkspace, IPC_CHANNELS.revealWorkspace].sort());
    unregister();
    expect(handlers.size).toBe(0);
  });
});
