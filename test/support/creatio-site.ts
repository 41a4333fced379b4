import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMockCreatio } from '../../mock-creatio';
import type { MockCreatio, MockCreatioOptions } from '../../mock-creatio';

/** A clock tests move by hand (session and token expiry without sleeping). */
export function createTestClock(start = Date.UTC(2026, 10, 24, 9, 0, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

export interface TestSite {
  site: MockCreatio;
  url: string;
  workspace: string;
  clock: ReturnType<typeof createTestClock>;
  /** Stops the site (idempotent) and removes the workspace. */
  cleanup(): Promise<void>;
  /** Stops the site and starts a new one on the same workspace (a restart). */
  restart(): Promise<void>;
}

/** Starts a simulated Creatio site on a fresh temp workspace, on a free port. */
export async function startTestSite(options: Partial<MockCreatioOptions> = {}): Promise<TestSite> {
  const workspace = options.workspace ?? (await mkdtemp(join(tmpdir(), 'csl-site-')));
  const clock = createTestClock();
  const start = () => startMockCreatio({ durability: 'none', now: clock.now, ...options, workspace });
  const state: TestSite = {
    site: await start(),
    url: '',
    workspace,
    clock,
    async cleanup() {
      await state.site.close();
      await rm(workspace, { recursive: true, force: true });
    },
    async restart() {
      await state.site.close();
      state.site = await start();
      state.url = state.site.url;
    },
  };
  state.url = state.site.url;
  return state;
}
