/**
 * Starts the lab's parts in the order chat → webhook receiver → site → engine, so each finds what
 * it calls already there; each part's closer is pushed as it starts, so the caller closes them in
 * the reverse order (the engine stops writing before the site goes; the site's processes stop
 * calling before the receiver goes) or undoes a start that failed halfway.
 */
import { createSimulatedAi, type EngineSettings } from '../engine';
import { type MockCreatio, startMockCreatio } from '../mock-creatio';
import { createLabEventBus } from './event-bus';
import { bridgeSite, type CaseIndex } from './lab-bridges';
import { type ChatSlot, createChatSlot } from './lab-conversations';
import { createEngineSlot, type EngineSlot } from './lab-engine';
import { moveOrigin, repointProcesses, type RepointResult, seedLabProcesses } from './lab-processes';
import { createRedactor } from './lab-redact';
import { startSettings } from './lab-settings';
import { type LabFacts, readLabFacts, readSavedSettings, type WorkspacePaths, writeJsonAtomic, writeSettings } from './lab-workspace';
import type { LabEventBus, LabOptions } from './lab.types';
import { labRandom, secretToken } from './seeded-random';
import { startWebhookServer, type WebhookServer } from './webhook-server';

export interface LabParts {
  paths: WorkspacePaths;
  fsync: boolean;
  bus: LabEventBus;
  cases: CaseIndex;
  chat: ChatSlot;
  engine: EngineSlot;
  webhook: WebhookServer;
  site: MockCreatio;
  /** What changes while the lab runs. */
  state: { settings: EngineSettings; followsLabSite: boolean };
  /** lab.json of the last launch (absent: a fresh workspace). */
  previous: LabFacts | undefined;
  /** Processes re-pointed at this launch (absent: a fresh workspace, seeded). */
  moved: RepointResult | undefined;
  saveFacts(): Promise<void>;
  webhookUrl(): string;
}

export interface PartsInput {
  options: LabOptions;
  workspace: string;
  paths: WorkspacePaths;
  host: string;
  apiToken: string;
  /** Closers of what has started, in start order. */
  closers: (() => Promise<void>)[];
}

export async function startLabParts(input: PartsInput): Promise<LabParts> {
  const { options, paths, closers } = input;
  const fsync = (options.durability ?? 'fsync') === 'fsync';
  const [previous, saved] = await Promise.all([readLabFacts(paths.labFile), readSavedSettings(paths.settingsFile)]);
  let state: LabParts['state'] | undefined;
  const secrets = () => {
    const auth = state?.settings.auth;
    return [input.apiToken, state?.settings.webhookToken, auth?.kind === 'oauth' ? auth.clientSecret : auth?.password];
  };
  const bus = createLabEventBus({ redact: createRedactor(secrets) });
  const cases: CaseIndex = new Map();

  const chat = createChatSlot({ dir: paths.chatDir, fsync, newId: labRandom(options.seed, 'chat').uuid, bus });
  await chat.open();
  closers.push(() => chat.close());
  const engine = createEngineSlot({
    logFile: paths.engineLog, fsync, ai: createSimulatedAi(options.ai ?? {}), random: labRandom(options.seed, 'engine'),
    channel: { deliver: (message) => chat.chat.deliver(message) }, bus, cases,
  });
  const webhook = await startWebhookServer({ engine: { handleWebhook: (request) => engine.handleWebhook(request) } });
  closers.push(() => webhook.close());
  const site = await startMockCreatio({ workspace: input.workspace, host: input.host, durability: fsync ? 'fsync' : 'none' });
  closers.push(() => site.close());
  const unbridgeSite = bridgeSite(site, bus, cases);
  closers.push(async () => unbridgeSite());

  const start = startSettings({ saved, previous, siteUrl: site.url, mode: options.mode, overrides: options.settings, newToken: () => secretToken() });
  const running = (state = { settings: start.settings, followsLabSite: start.followsLabSite });
  await writeSettings(paths.settingsFile, running.settings, fsync);
  const webhookUrl = () => webhook.webhookUrl(running.settings.webhookToken);
  const registry = site.processes.registry;
  if (!previous) await seedLabProcesses(registry, webhookUrl());
  const moved = previous ? await repointProcesses(registry, moveOrigin(previous.webhookOrigin, webhook.url)) : undefined;
  const saveFacts = () => writeJsonAtomic(paths.labFile, {
    version: 1, followsLabSite: running.followsLabSite, siteUrl: site.url, webhookOrigin: webhook.url,
  }, { fsync });
  await saveFacts();

  await engine.start(running.settings);
  closers.push(() => engine.stop());
  return { paths, fsync, bus, cases, chat, engine, webhook, site, state: running, previous, moved, saveFacts, webhookUrl };
}
