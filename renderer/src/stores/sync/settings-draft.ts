/**
 * The settings form's draft (Sync view) and its round trip to the Lab API: every field as the inputs
 * hold it (text), secrets empty meaning "keep the stored one" (sent back as `***`, which the API
 * answers and accepts for exactly that: docs/lab-api.md "Engine settings"), numbers checked here so a
 * typo is named before anything is sent.
 */
import { MASK, type AiFieldSettings, type EngineSettingsBody, type EngineSettingsView, type Problem } from '../../../../contract';

export interface AiFieldRow extends AiFieldSettings {
  /** Stable React key of the row (rows are added and removed). */
  key: string;
}

export interface SettingsDraft {
  instanceUrl: string;
  authKind: 'oauth' | 'forms';
  clientId: string;
  /** '' keeps the stored secret. */
  clientSecret: string;
  tokenUrl: string;
  userName: string;
  /** '' keeps the stored password. */
  password: string;
  defaultCaseOwnerId: string;
  defaultCaseGroupId: string;
  resolvedStatusId: string;
  createCaseOnlyOnHandoff: boolean;
  aiFields: AiFieldRow[];
  transcriptActivityTypeId: string;
  sessionUrlTemplate: string;
  requestTimeoutMs: string;
  maxAttempts: string;
  baseDelayMs: string;
  maxDelayMs: string;
}

let rowKey = 0;
export const newRowKey = () => `ai-${(rowKey += 1)}`;

export function toDraft(view: EngineSettingsView): SettingsDraft {
  const { auth } = view;
  return {
    instanceUrl: view.instanceUrl,
    authKind: auth.kind,
    clientId: auth.kind === 'oauth' ? auth.clientId : '',
    clientSecret: '',
    tokenUrl: auth.kind === 'oauth' ? auth.tokenUrl ?? '' : '',
    userName: auth.kind === 'forms' ? auth.userName : '',
    password: '',
    defaultCaseOwnerId: view.defaultCaseOwnerId ?? '',
    defaultCaseGroupId: view.defaultCaseGroupId ?? '',
    resolvedStatusId: view.resolvedStatusId ?? '',
    createCaseOnlyOnHandoff: view.createCaseOnlyOnHandoff,
    aiFields: view.aiFields.map((f) => ({ ...f, key: newRowKey() })),
    transcriptActivityTypeId: view.transcriptActivityTypeId,
    sessionUrlTemplate: view.sessionUrlTemplate,
    requestTimeoutMs: String(view.requestTimeoutMs),
    maxAttempts: String(view.outbox.maxAttempts),
    baseDelayMs: String(view.outbox.baseDelayMs),
    maxDelayMs: String(view.outbox.maxDelayMs),
  };
}

const NUMBERS = [
  ['requestTimeoutMs', 'requestTimeoutMs'], ['maxAttempts', 'outbox.maxAttempts'], ['baseDelayMs', 'outbox.baseDelayMs'], ['maxDelayMs', 'outbox.maxDelayMs'],
] as const;

/** The body for Test & Save, or the problems that stop it (named by the API's field paths). */
export function toBody(draft: SettingsDraft, savedKind: 'oauth' | 'forms'): { body: EngineSettingsBody } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const numbers: Record<string, number> = {};
  for (const [key, field] of NUMBERS) {
    const text = draft[key].trim();
    if (!/^\d+$/.test(text) || Number(text) < 1) problems.push({ field, problem: 'must be a whole number of at least 1' });
    numbers[key] = Number(text);
  }
  if (problems.length > 0) return { problems };
  // A secret left empty keeps the stored one, which exists only for the kind that is saved.
  const keep = (typed: string) => (typed !== '' ? typed : draft.authKind === savedKind ? MASK : '');
  const auth: EngineSettingsBody['auth'] = draft.authKind === 'oauth'
    ? { kind: 'oauth', clientId: draft.clientId.trim(), clientSecret: keep(draft.clientSecret), ...(draft.tokenUrl.trim() ? { tokenUrl: draft.tokenUrl.trim() } : {}) }
    : { kind: 'forms', userName: draft.userName.trim(), password: keep(draft.password) };
  const optionalId = (value: string) => (value.trim() ? value.trim() : undefined);
  return {
    body: {
      instanceUrl: draft.instanceUrl.trim(),
      auth,
      defaultCaseOwnerId: optionalId(draft.defaultCaseOwnerId),
      defaultCaseGroupId: optionalId(draft.defaultCaseGroupId),
      resolvedStatusId: optionalId(draft.resolvedStatusId),
      createCaseOnlyOnHandoff: draft.createCaseOnlyOnHandoff,
      aiFields: draft.aiFields.map(({ key: _key, ...field }) => field),
      transcriptActivityTypeId: draft.transcriptActivityTypeId.trim(),
      sessionUrlTemplate: draft.sessionUrlTemplate,
      requestTimeoutMs: numbers.requestTimeoutMs!,
      outbox: { maxAttempts: numbers.maxAttempts!, baseDelayMs: numbers.baseDelayMs!, maxDelayMs: numbers.maxDelayMs! },
    },
  };
}

/** Where a problem is shown: the API names fields by path (`auth.clientSecret`, `aiFields.1.fieldName`); Test names `auth`. */
export function problemSlot(field: string, authKind: 'oauth' | 'forms'): string {
  if (field === 'auth') return authKind === 'oauth' ? 'auth.clientSecret' : 'auth.password';
  const ai = /^aiFields\.(\d+)/.exec(field);
  if (ai) return `aiFields.${ai[1]}`;
  return field;
}

/** Human names of the fields, for "Client secret: ..." messages. */
export const FIELD_LABELS: Record<string, string> = {
  instanceUrl: 'Instance URL', auth: 'Authentication', 'auth.clientId': 'Client ID', 'auth.clientSecret': 'Client secret',
  'auth.tokenUrl': 'Token URL', 'auth.userName': 'User name', 'auth.password': 'Password', defaultCaseOwnerId: 'Default Case Owner',
  defaultCaseGroupId: 'Default Case Group', resolvedStatusId: 'Resolved Status', createCaseOnlyOnHandoff: 'Create case only on handoff',
  aiFields: 'AI fields', transcriptActivityTypeId: 'Transcript activity type', sessionUrlTemplate: 'Session link', requestTimeoutMs: 'Request timeout',
  'outbox.maxAttempts': 'Max attempts', 'outbox.baseDelayMs': 'First retry delay', 'outbox.maxDelayMs': 'Longest retry delay',
};
