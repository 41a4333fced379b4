import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { startMockCreatio } from '../../mock-creatio';
import type { MockCreatio, MockCreatioOptions } from '../../mock-creatio';
import { type CreatioClient, oauthClient } from './creatio-client';

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

/** What `siteAndEngineFolderForEachTest` makes for each test. */
export interface SiteAndEngineFolder {
  site: MockCreatio;
  /** An OAuth client of the site, for the test's own checks. */
  creatio: CreatioClient;
  /** An empty folder for the engine's files. */
  dir: string;
}

/**
 * For an engine test file: before each test, a simulated site on the real clock (its writes are not
 * fsynced: these tests never restart it), an OAuth client of it and an empty folder for the engine,
 * handed to `use`; after each, `stopFirst` (the test's engines or child processes), then the site is
 * closed and both folders removed. `startSiteAgain` starts a closed site again on its workspace (a
 * restart), and hands the new one to `use`.
 */
export function siteAndEngineFolderForEachTest(
  use: (made: SiteAndEngineFolder) => void,
  stopFirst: () => unknown = () => undefined,
): { startSiteAgain(port: number): Promise<void> } {
  let workspace: string | undefined;
  let made: SiteAndEngineFolder | undefined;
  beforeEach(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'csl-site-'));
    const dir = await mkdtemp(join(tmpdir(), 'csl-engine-'));
    const site = await startMockCreatio({ workspace, port: 0, durability: 'none' });
    made = { site, creatio: await oauthClient(site.url), dir };
    use(made);
  });
  afterEach(async () => {
    await stopFirst();
    await made?.site.close();
    for (const folder of [workspace, made?.dir]) if (folder) await rm(folder, { recursive: true, force: true });
    made = undefined;
    workspace = undefined;
  });
  return {
    async startSiteAgain(port) {
      if (!made || !workspace) throw new Error('startSiteAgain: only inside a test');
      made.site = await startMockCreatio({ workspace, port, durability: 'none' });
      made.creatio = await oauthClient(made.site.url);
      use(made);
    },
  };
}
