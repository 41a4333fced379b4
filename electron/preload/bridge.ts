/**
 * The preload's logic, free of the electron module so it can be tested: builds the object exposed
 * as `window.caseSyncLab`. Every method only forwards to main with no arguments; main checks the
 * sender and the arguments (electron/main/ipc-handlers.ts), so nothing here is trusted.
 */
import { IPC_CHANNELS, VERSION_SWITCH, type CaseSyncLabBridge, type IpcChannel } from '../shared/ipc-channels';

export interface BridgeDeps {
  /** ipcRenderer.invoke, bound. */
  invoke: (channel: IpcChannel) => Promise<unknown>;
  /** process.argv of the renderer (carries the version switch). */
  argv: readonly string[];
  platform: string;
}

/** The version main passed with `--case-sync-lab-version=`; 'unknown' if absent. */
export function versionFromArgv(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith(VERSION_SWITCH));
  const version = arg?.slice(VERSION_SWITCH.length).trim();
  return version ? version : 'unknown';
}

export function createBridge(deps: BridgeDeps): CaseSyncLabBridge {
  // Frozen plain data and functions only: contextBridge copies them, the page cannot reach ipcRenderer.
  return Object.freeze({
    version: versionFromArgv(deps.argv),
    platform: deps.platform,
    revealWorkspace: async (): Promise<void> => {
      await deps.invoke(IPC_CHANNELS.revealWorkspace);
    },
    openWorkspace: async (): Promise<boolean> => (await deps.invoke(IPC_CHANNELS.openWorkspace)) === true,
  });
}
