/** A stand-in for startLab() in unit tests of the desktop shell: records starts, closes on demand. */
import type { Lab, LabOptions } from '../../lab';

export interface FakeLabControl {
  starts: LabOptions[];
  labs: FakeLab[];
  /** Workspaces whose start must fail. */
  failOn: Set<string>;
  /** When set, close() waits for this promise (to observe a quit while the lab closes). */
  closeGate?: Promise<void>;
  startLab: (options: LabOptions) => Promise<Lab>;
}

export interface FakeLab {
  workspace: string;
  token: string;
  urls: { ui: string };
  closed: boolean;
  resets: number;
}

export function createFakeLabs(): FakeLabControl {
  let port = 41000;
  const control: FakeLabControl = {
    starts: [], labs: [], failOn: new Set(),
    startLab: async (options) => {
      control.starts.push(options);
      if (control.failOn.has(options.workspace)) throw new Error(`cannot start on ${options.workspace}`);
      port++;
      const lab: FakeLab & { close(): Promise<void>; reset(): Promise<void> } = {
        workspace: options.workspace,
        token: `token-${port}`,
        urls: { ui: `http://127.0.0.1:${port}/` },
        closed: false,
        resets: 0,
        close: async () => {
          await control.closeGate;
          lab.closed = true;
        },
        reset: async () => { lab.resets++; },
      };
      control.labs.push(lab);
      return lab as unknown as Lab;
    },
  };
  return control;
}
