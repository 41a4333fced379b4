import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startMockCreatio } from '../../mock-creatio/index';
import { runTarget } from '../targets/child';

/**
 * The simulated Creatio site the engine writes to, empty (its seed only) and with `fsync`
 * durability, in its own process (bench/targets/child.ts answers stats and stop over IPC). The
 * bearer token it hands back is for the bench's OData check that the activities exist.
 */

const CLIENT = { id: 'case-sync-lab', secret: 'lab-client-secret-change-me' };

/** OAuth client credentials (reference/creatio-api.md §2), as the engine itself signs in. */
async function bearerToken(url: string): Promise<string> {
  const response = await fetch(`${url}/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: CLIENT.id, client_secret: CLIENT.secret }),
  });
  if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error('token response has no access_token');
  return body.access_token;
}

runTarget(async (_data, config) => {
  const workspace = join(config.workDir, 'workspace');
  await mkdir(workspace, { recursive: true });
  const site = await startMockCreatio({ workspace, durability: 'fsync' });
  const token = await bearerToken(site.url);
  return { url: site.url, headers: { authorization: `Bearer ${token}` }, close: () => site.close() };
});
