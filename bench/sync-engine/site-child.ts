import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startMockCreatio } from '../../mock-creatio/index';
import { bearerToken } from '../lib/site-token';
import { runTarget } from '../targets/child';

/**
 * The simulated Creatio site the engine writes to, empty (its seed only) and with `fsync`
 * durability, in its own process (bench/targets/child.ts answers stats and stop over IPC). The
 * bearer token it hands back is for the bench's OData check that the activities exist.
 */

runTarget(async (_data, config) => {
  const workspace = join(config.workDir, 'workspace');
  await mkdir(workspace, { recursive: true });
  const site = await startMockCreatio({ workspace, durability: 'fsync' });
  const token = await bearerToken(site.url);
  return { url: site.url, headers: { authorization: `Bearer ${token}` }, close: () => site.close() };
});
