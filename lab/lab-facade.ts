/**
 * The Lab object over running parts: what the Lab API, the CLI, the scenario runner and the
 * desktop shell call. Settings changes are saved before they apply; reset and snapshot restore
 * replace the engine (and the chat) while the site keeps running.
 */
import type { EngineSettings } from '../engine';
import { createConversationSteps } from './lab-conversations';
import type { LabParts } from './lab-parts';
import { repointProcesses, replaceUrl } from './lab-processes';
import { maskWebhookUrl } from './lab-redact';
import { modeOf, parseSettings } from './lab-settings';
import { createLabSnapshots } from './lab-snapshots';
import { writeSettings } from './lab-workspace';
import type { Lab } from './lab.types';

export function createLabFacade(parts: LabParts, options: { token: string; workspace: string; close: () => Promise<void> }): Lab {
  const { bus, cases, chat, engine, site, state, paths, fsync } = parts;
  const steps = createConversationSteps({ engine: () => engine.engine, chat: () => chat.chat, site, bus });
  const snapshots = createLabSnapshots({
    paths, site, engine, chat, fsync,
    restart: async () => {
      cases.clear();
      await chat.open();
      await engine.start(state.settings);
    },
  });

  /** Saves new settings and applies them; processes calling the old webhook URL follow a new token. */
  async function applySettings(next: EngineSettings, event: string): Promise<void> {
    const before = parts.webhookUrl();
    await writeSettings(paths.settingsFile, next, fsync);
    state.settings = next;
    await engine.engine.updateSettings(next);
    const follows = next.instanceUrl === site.url;
    if (follows !== state.followsLabSite) {
      state.followsLabSite = follows;
      await parts.saveFacts();
    }
    const processes = await repointProcesses(site.processes.registry, replaceUrl(before, parts.webhookUrl()));
    bus.publish({ source: 'lab', type: event, data: { mode: modeOf(next), instanceUrl: next.instanceUrl, followsLabSite: follows, processes } });
  }

  return {
    urls: { creatio: site.url, webhook: maskWebhookUrl(parts.webhookUrl()), ui: '', api: '' },
    token: options.token,
    workspace: options.workspace,
    site,
    get engine() { return engine.engine; },
    get chat() { return chat.chat; },
    events: bus,
    mode: () => modeOf(state.settings),
    webhookUrl: parts.webhookUrl,
    settings: () => state.settings,
    async updateSettings(input) {
      const next = parseSettings(input);
      await applySettings(next, 'settings.saved');
      return next;
    },
    async rotateWebhookToken() {
      const rotated = await engine.engine.rotateWebhookToken();
      await applySettings({ ...state.settings, webhookToken: rotated }, 'webhook-token.rotated');
    },
    ...steps,
    async reset() {
      await engine.stop();
      try {
        await site.processes.engine.idle(); // runs already queued end before the data goes
        await site.store.reset();
        site.processes.log.clear();
        await engine.deleteLog();
        await chat.chat.reset();
        cases.clear();
      } finally {
        await engine.start(state.settings);
      }
      bus.publish({ source: 'lab', type: 'lab.reset', data: {} });
    },
    async saveSnapshot(name) {
      const meta = await snapshots.save(name);
      bus.publish({ source: 'lab', type: 'snapshot.saved', data: { ...meta } });
      return meta;
    },
    async restoreSnapshot(name) {
      await snapshots.restore(name);
      bus.publish({ source: 'lab', type: 'snapshot.restored', data: { name } });
    },
    listSnapshots: () => snapshots.list(),
    close: options.close,
  };
}
