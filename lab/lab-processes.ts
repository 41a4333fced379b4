/**
 * The site's business processes as the lab keeps them: a fresh workspace gets the seed's two
 * processes (agent reply, case closure) calling the engine's webhook URL; when that URL changes
 * (a new port at each launch, a rotated token), processes that call the lab's receiver follow it.
 * A process a user pointed elsewhere is left alone.
 */
import { type MockCreatio, seedProcessTemplates } from '../mock-creatio';

type Registry = MockCreatio['processes']['registry'];

/** Saves the seed's two processes pointing at `webhookUrl` (a fresh workspace). */
export async function seedLabProcesses(registry: Registry, webhookUrl: string): Promise<void> {
  await registry.seed(seedProcessTemplates(webhookUrl));
}

export interface RepointResult {
  repointed: string[];
  failed: { id: string; message: string }[];
}

/** Rewrites each process's "Call web service" URL for which `rewrite` returns a new URL. */
export async function repointProcesses(registry: Registry, rewrite: (url: string) => string | undefined): Promise<RepointResult> {
  const result: RepointResult = { repointed: [], failed: [] };
  for (const process of registry.list()) {
    const url = rewrite(process.callWebService.url);
    if (url === undefined || url === process.callWebService.url) continue;
    try {
      await registry.replace(process.id, { ...process, callWebService: { ...process.callWebService, url } });
      result.repointed.push(process.id);
    } catch (error) {
      // One process that no longer passes the checks must not stop the lab; the caller reports it.
      result.failed.push({ id: process.id, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

/** A new launch: the receiver's origin moved; the path (and its token) is kept as the user left it. */
export const moveOrigin = (from: string, to: string) => (url: string): string | undefined =>
  url.startsWith(`${from}/`) ? `${to}${url.slice(from.length)}` : undefined;

/** A new token: processes calling exactly the old URL call the new one. */
export const replaceUrl = (from: string, to: string) => (url: string): string | undefined => (url === from ? to : undefined);
