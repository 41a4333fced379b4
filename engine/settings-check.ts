/**
 * "Test & Save" (reference creatio-api.md §5.1, §5.4): signs in, then checks that each configured
 * id names a real record, and reports every problem by the settings field it belongs to.
 */
import { createCreatioClient } from './creatio';
import { toEngineError } from './engine-error';
import type { Clock, Fetch } from './ports';
import type { EngineSettings } from './settings';

export interface SettingsProblem {
  field: string;
  message: string;
}

/** Which record each id setting must name (reference §3.1, §3.2, §3.4, §3.7). */
const ID_CHECKS = [
  { field: 'defaultCaseOwnerId', entity: 'Contact', what: 'contact' },
  { field: 'defaultCaseGroupId', entity: 'SysAdminUnit', what: 'group (SysAdminUnit)' },
  { field: 'resolvedStatusId', entity: 'CaseStatus', what: 'case status' },
  { field: 'transcriptActivityTypeId', entity: 'ActivityType', what: 'activity type' },
] as const;

export async function checkSettings(settings: EngineSettings, ports: { fetch: Fetch; clock: Clock }): Promise<{ ok: boolean; problems: SettingsProblem[] }> {
  const client = createCreatioClient({
    instanceUrl: settings.instanceUrl, auth: settings.auth, fetch: ports.fetch, clock: ports.clock, timeoutMs: settings.requestTimeoutMs,
  });
  try {
    await client.ping();
  } catch (thrown) {
    const error = toEngineError(thrown);
    const field = error.code === 'CREATIO_AUTH_FAILED' ? 'auth' : 'instanceUrl';
    return { ok: false, problems: [{ field, message: `${error.code}: ${error.message}` }] };
  }
  const problems: SettingsProblem[] = [];
  for (const check of ID_CHECKS) {
    const id = settings[check.field];
    if (!id) continue;
    try {
      const record = await client.get(check.entity, id, ['Id']);
      if (!record) problems.push({ field: check.field, message: `no ${check.what} with Id ${id} on this site` });
    } catch (thrown) {
      const error = toEngineError(thrown);
      problems.push({ field: check.field, message: `could not check ${check.what} ${id}: ${error.code}: ${error.message}` });
    }
  }
  return { ok: problems.length === 0, problems };
}
