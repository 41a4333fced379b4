/**
 * The lab inside the desktop app: at most one running, on one workspace. Operations are queued so
 * that menu clicks in quick succession never run two labs or close one while it starts.
 */
import type { Lab, LabOptions } from '../../lab';

export type StartLab = (options: LabOptions) => Promise<Lab>;

export interface LabHostOptions {
  startLab: StartLab;
  /** The built renderer, served by the lab at `/` (absent: the lab's placeholder page). */
  uiDir?: string;
  log: (message: string) => void;
}

export interface LabHost {
  /** The running lab, if any. */
  current(): Lab | undefined;
  /** The running lab's origin (`http://127.0.0.1:PORT`), the only one the window may show. */
  origin(): string | undefined;
  /** The window's URL: the UI with the per-launch token in the fragment (never sent to a server). */
  windowUrl(): string;
  /** Stops the running lab (if any) and starts one on `workspace`; if that fails, starts the previous one again and rethrows. */
  open(workspace: string): Promise<Lab>;
  /** Stops the lab, runs `task` on its workspace folder (files at rest), then starts it again. */
  whileStopped<T>(task: (workspace: string) => Promise<T>): Promise<T>;
  reset(): Promise<void>;
  /** Stops the lab for good (idempotent): later calls to open() fail. */
  close(): Promise<void>;
}

export function createLabHost(options: LabHostOptions): LabHost {
  let lab: Lab | undefined;
  let closed = false;
  let queue: Promise<unknown> = Promise.resolve();
  const serialize = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  };
  const start = async (workspace: string): Promise<Lab> => {
    if (closed) throw new Error('The app is quitting: the lab is not started again');
    lab = await options.startLab({ workspace, ...(options.uiDir ? { uiDir: options.uiDir } : {}) });
    options.log(`Lab started on ${lab.urls.ui} (workspace ${lab.workspace})`);
    return lab;
  };
  const stop = async (): Promise<void> => {
    const running = lab;
    lab = undefined;
    if (running) await running.close();
  };
  const labOrFail = (): Lab => {
    if (!lab) throw new Error('The lab is not running');
    return lab;
  };

  return {
    current: () => lab,
    origin: () => (lab ? new URL(lab.urls.ui).origin : undefined),
    windowUrl: () => {
      const running = labOrFail();
      return `${running.urls.ui}#token=${encodeURIComponent(running.token)}`;
    },
    open: (workspace) => serialize(async () => {
      const previous = lab?.workspace;
      await stop();
      try {
        return await start(workspace);
      } catch (error) {
        if (previous !== undefined) {
          options.log(`Could not start the lab on ${workspace}; going back to ${previous}`);
          await start(previous).catch((again: unknown) => options.log(`Could not start the lab on ${previous} either: ${String(again)}`));
        }
        throw error;
      }
    }),
    whileStopped: (task) => serialize(async () => {
      const workspace = labOrFail().workspace;
      await stop();
      try {
        return await task(workspace);
      } finally {
        await start(workspace);
      }
    }),
    reset: () => serialize(() => labOrFail().reset()),
    close: () => serialize(async () => {
      closed = true;
      await stop();
    }),
  };
}
