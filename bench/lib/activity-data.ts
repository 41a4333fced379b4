import { createRandom, type Random } from './random';

/**
 * Deterministic Activity rows shaped like the simulator's: every column of its Activity entity, in
 * canonical value forms (lowercase GUIDs, 7-fraction-digit UTC dates, zero GUID / 0001-01-01 / ''
 * for unset values; reference/creatio-api.md §1.4). About 100 activities per case, like a busy
 * helpdesk, so the filtered list answers ~100 rows at every size.
 */

export interface ColumnShape {
  name: string;
  type: string;
  maxLength?: number;
}

export type ActivityRow = Record<string, string | number | boolean>;

export interface Dataset {
  rows: ActivityRow[];
  caseIds: string[];
}

export const ACTIVITIES_PER_CASE = 100;
const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';
const EMPTY_DATE = '0001-01-01T00:00:00Z';

// Well-known Activity lookup values (reference/creatio-api.md §3.4).
const TYPE = { task: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6', email: 'e2831dec-cfc0-df11-b00f-001d60e938c6' };
const STATUS = ['384d4b84-58e6-df11-971b-001d60e938c6', '394d4b84-58e6-df11-971b-001d60e938c6', '4bdbb88f-58e6-df11-971b-001d60e938c6'];
const CATEGORY = { todo: 'f51c4643-58e6-df11-971b-001d60e938c6', email: '8038a396-7825-e011-8165-00155d043204' };
const PRIORITY = 'ab96fa02-7fe6-df11-971b-001d60e938c6';
const MESSAGE_TYPE = ['7f9d1f86-f36b-1410-068c-20cf30b39373', '7f6d3f94-f36b-1410-068c-20cf30b39373'];

/** Activity columns used when the simulator cannot be asked (same names and types as its schema). */
export const FALLBACK_COLUMNS: ColumnShape[] = [
  ['Id', 'Edm.Guid'], ['CreatedOn', 'Edm.DateTimeOffset'], ['CreatedById', 'Edm.Guid'],
  ['ModifiedOn', 'Edm.DateTimeOffset'], ['ModifiedById', 'Edm.Guid'], ['ProcessListeners', 'Edm.Int32'],
  ['Title', 'Edm.String'], ['StartDate', 'Edm.DateTimeOffset'], ['DueDate', 'Edm.DateTimeOffset'],
  ['PriorityId', 'Edm.Guid'], ['AuthorId', 'Edm.Guid'], ['OwnerId', 'Edm.Guid'], ['TypeId', 'Edm.Guid'],
  ['ActivityCategoryId', 'Edm.Guid'], ['StatusId', 'Edm.Guid'], ['ResultId', 'Edm.Guid'],
  ['DetailedResult', 'Edm.String'], ['AccountId', 'Edm.Guid'], ['ContactId', 'Edm.Guid'], ['CaseId', 'Edm.Guid'],
  ['Sender', 'Edm.String'], ['Recepient', 'Edm.String'], ['CopyRecepient', 'Edm.String'],
  ['BlindCopyRecepient', 'Edm.String'], ['Body', 'Edm.String'], ['IsHtmlBody', 'Edm.Boolean'],
  ['Notes', 'Edm.String'], ['SendDate', 'Edm.DateTimeOffset'], ['EmailSendStatusId', 'Edm.Guid'],
  ['MessageTypeId', 'Edm.Guid'], ['DurationInMinutes', 'Edm.Int32'], ['ShowInScheduler', 'Edm.Boolean'],
  ['SenderContactId', 'Edm.Guid'], ['IsAutoSubmitted', 'Edm.Boolean'], ['ServiceProcessed', 'Edm.Boolean'],
].map(([name, type]) => ({ name: name as string, type: type as string }));

const WORDS = (
  'thanks order delivery invoice refund account password reset login error screen update please ' +
  'customer reply attached urgent tomorrow shipment tracking number missing charged twice support'
).split(' ');

function sentence(random: Random, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(random.pick(WORDS));
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function date(ms: number, random: Random): string {
  return `${new Date(ms).toISOString().slice(0, 23)}${String(random.int(10000)).padStart(4, '0')}Z`;
}

function emptyValue(type: string): string | number | boolean {
  if (type === 'Edm.Guid') return EMPTY_GUID;
  if (type === 'Edm.DateTimeOffset') return EMPTY_DATE;
  if (type === 'Edm.String') return '';
  if (type === 'Edm.Boolean') return false;
  return 0;
}

interface Pools {
  contacts: string[];
  accounts: string[];
  caseIds: string[];
}

/** Values of one activity; columns not named here get their empty value. */
function activityValues(index: number, random: Random, pools: Pools): ActivityRow {
  const created = Date.UTC(2026, 0, 1) + index * 60_000 + random.int(60_000);
  const email = random.next() < 0.5;
  const contact = random.pick(pools.contacts);
  const owner = random.pick(pools.contacts);
  const createdOn = date(created, random);
  return {
    Id: random.guid(),
    CreatedOn: createdOn,
    CreatedById: owner,
    ModifiedOn: createdOn,
    ModifiedById: owner,
    Title: `${email ? 'Re: ' : ''}${sentence(random, 3 + random.int(6))}`,
    StartDate: createdOn,
    DueDate: date(created + 3_600_000, random),
    PriorityId: PRIORITY,
    AuthorId: owner,
    OwnerId: owner,
    TypeId: email ? TYPE.email : TYPE.task,
    ActivityCategoryId: email ? CATEGORY.email : CATEGORY.todo,
    StatusId: random.pick(STATUS),
    AccountId: random.pick(pools.accounts),
    ContactId: contact,
    CaseId: random.pick(pools.caseIds),
    Sender: email ? `customer${random.int(500)}@example.com` : '',
    Recepient: email ? 'support@example.com' : '',
    Body: sentence(random, 20 + random.int(40)),
    MessageTypeId: email ? random.pick(MESSAGE_TYPE) : EMPTY_GUID,
    SenderContactId: email ? contact : EMPTY_GUID,
    ShowInScheduler: !email,
  };
}

/** `count` activities over `count / 100` cases, the same for the same seed. */
export function generateActivities(options: { count: number; columns: readonly ColumnShape[]; seed?: number }): Dataset {
  const random = createRandom(options.seed ?? 20261124);
  const pool = (n: number): string[] => Array.from({ length: n }, () => random.guid());
  const pools: Pools = {
    contacts: pool(50),
    accounts: pool(20),
    caseIds: pool(Math.max(1, Math.round(options.count / ACTIVITIES_PER_CASE))),
  };
  const rows: ActivityRow[] = [];
  for (let i = 0; i < options.count; i++) {
    const values = activityValues(i, random, pools);
    const row: ActivityRow = {};
    for (const col of options.columns) {
      let value = values[col.name] ?? emptyValue(col.type);
      if (typeof value === 'string' && col.maxLength !== undefined) value = value.slice(0, col.maxLength);
      row[col.name] = value;
    }
    rows.push(row);
  }
  return { rows, caseIds: pools.caseIds };
}
