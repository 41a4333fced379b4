/**
 * What the Sync view's settings form does: reads the settings, lists the site's records for the
 * pickers (over OData, as Supervisor), and Test & Save: POST /api/settings/test with the draft, then
 * PUT /api/settings only when the test found nothing (seed "Connect Creatio": test, then save).
 */
import type { Problem } from '../../../../contract';
import { LabApiError, labClient } from '../../api/lab-client';
import { coalesce } from '../../lib/coalesce';
import { toBody } from './settings-draft';
import { useSyncStore, type PickerKind } from './sync.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useSyncStore.getState();

/** The site's records each picker lists, by name (Creatio's lookups; groups are roles, not users: §3.7). */
const PICKER_QUERIES: Record<PickerKind, string> = {
  owner: 'Contact?$select=Id,Name&$orderby=Name&$top=500',
  group: 'SysAdminUnit?$select=Id,Name&$filter=SysAdminUnitTypeValue ne 4 and SysAdminUnitTypeValue ne 5&$orderby=Name&$top=500',
  status: 'CaseStatus?$select=Id,Name&$orderby=Name',
  activityType: 'ActivityType?$select=Id,Name&$orderby=Name',
};

/** Reads the saved settings; the draft follows them unless it holds unsaved edits (`force` drops them). */
export async function loadSettings(options: { force?: boolean } = {}): Promise<void> {
  if (store().load === 'idle') store().setLoad('loading');
  try {
    const view = await labClient().getSettings();
    if (options.force || !store().dirty) store().setSaved(view);
  } catch (error) {
    store().setLoad('error', message(error));
  }
}

/** Lists the site's records for the four pickers; contacts change as customers write, so this runs again on demand. */
export const loadPickers = coalesce(async () => {
  try {
    const kinds = Object.keys(PICKER_QUERIES) as PickerKind[];
    const answers = await Promise.all(kinds.map((kind) => labClient().odataList(PICKER_QUERIES[kind])));
    kinds.forEach((kind, i) => store().setOptions(kind, answers[i]!.value.map((row) => ({ id: String(row.Id ?? ''), name: String(row.Name ?? '') }))));
    store().setPickersError(undefined);
  } catch (error) {
    store().setPickersError(message(error));
  }
});

function notSaved(problems: Problem[], why: string): void {
  store().setOutcome({ saved: false, message: `Not saved: ${why}` }, problems);
}

/** Test & Save: nothing is saved unless the test signs in and finds every configured record. */
export async function testAndSave(options: { skipTest?: boolean } = {}): Promise<void> {
  const { draft, saved } = store();
  if (!draft || !saved || store().phase !== 'idle') return;
  const built = toBody(draft, saved.auth.kind);
  if ('problems' in built) return notSaved(built.problems, 'fix the fields marked below.');
  try {
    if (!options.skipTest) {
      store().setPhase('testing');
      const test = await labClient().testSettings(built.body);
      if (!test.ok) return notSaved(test.problems, `the test found ${test.problems.length === 1 ? 'a problem' : `${test.problems.length} problems`}.`);
    }
    store().setPhase('saving');
    const view = await labClient().saveSettings(built.body);
    store().setSaved(view);
    const time = new Date().toLocaleTimeString(undefined, { hour12: false });
    store().setOutcome({ saved: true, message: `${options.skipTest ? 'Saved without testing' : 'Tested and saved'} at ${time}; the engine uses these settings now.` });
  } catch (error) {
    if (error instanceof LabApiError && error.problems.length > 0) return notSaved(error.problems, 'fix the fields marked below.');
    notSaved([], message(error));
  }
}

/** Drops the draft's edits: back to what is saved. */
export function discardEdits(): void {
  const { saved } = store();
  if (saved) store().setSaved(saved);
  store().setOutcome(null);
}
