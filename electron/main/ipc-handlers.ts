/**
 * main's side of the preload bridge. Every call is checked before it runs: it must come from the
 * app's window, from a frame showing the lab's origin (not a page the window was somehow led to),
 * and carry exactly the arguments the channel takes (zod). A rejected call throws, so the page's
 * promise rejects with a clear message; nothing runs.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS, type IpcChannel } from '../shared/ipc-channels';
import type { ElectronApi } from './electron-api';
import { originOf } from './security';

/** Both extras take no arguments. */
const NoArguments = z.tuple([]);

export interface IpcHandlersOptions {
  ipcMain: ElectronApi['ipcMain'];
  labOrigin: () => string | undefined;
  /** The app window's webContents: the only sender accepted. */
  windowContents: () => WebContents | undefined;
  revealWorkspace: () => Promise<void>;
  openWorkspace: () => Promise<boolean>;
  log: (message: string) => void;
}

/** Why `event` may not call main, or undefined when it may. Names origins only: the lab's URL carries the token in its fragment. */
export function senderProblem(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, labOrigin: string | undefined, windowContents: WebContents | undefined): string | undefined {
  if (!windowContents || event.sender !== windowContents) return 'the call does not come from the app window';
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame is gone (navigated away or destroyed)';
  const origin = originOf(frame.url);
  if (!labOrigin || origin !== labOrigin) return `the calling frame shows ${origin ?? 'a page without an origin'}, not the lab (${labOrigin ?? 'not running'})`;
  return undefined;
}

export function registerIpcHandlers(options: IpcHandlersOptions): () => void {
  const handle = <T>(channel: IpcChannel, run: () => Promise<T>): void => {
    options.ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const problem = senderProblem(event, options.labOrigin(), options.windowContents());
      if (problem) {
        options.log(`IPC ${channel} rejected: ${problem}`);
        throw new Error(`IPC_SENDER_REJECTED: ${channel}: ${problem}`);
      }
      if (!NoArguments.safeParse(args).success) {
        throw new Error(`IPC_BAD_ARGUMENTS: ${channel} takes no arguments, got ${args.length}`);
      }
      return run();
    });
  };
  handle(IPC_CHANNELS.revealWorkspace, options.revealWorkspace);
  handle(IPC_CHANNELS.openWorkspace, options.openWorkspace);
  return () => {
    for (const channel of Object.values(IPC_CHANNELS)) options.ipcMain.removeHandler(channel);
  };
}
