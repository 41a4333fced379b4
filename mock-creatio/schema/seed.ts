import type { EntityDef, EntityRecord } from './schema.types';
import {
  ACCOUNT, ACTIVITY_CATEGORY, ACTIVITY_PRIORITY, ACTIVITY_STATUS, ACTIVITY_TYPE, CASE_CATEGORY, CASE_ORIGIN,
  CASE_PRIORITY, CASE_STATUS, EMAIL_SEND_STATUS, MESSAGE_TYPE, SUPERVISOR_CONTACT_ID, SYS_ADMIN_UNIT,
} from './constants';
import { emptyValue } from './empty-values';
import { ENTITIES } from './entities/index';
import { LOOKUP_ROWS, type SeedRow } from './seed-lookups';
import { ACCOUNT_ROWS, CONTACT_ROWS, SEED_CONTACT, SYS_ADMIN_UNIT_ROWS } from './seed-people';

export { SEED_CONTACT, SEED_OAUTH_CLIENTS, SEED_USERS, type SeedUser } from './seed-people';

/** Ids of the two sample cases and their activities (ours). */
export const SEED_CASE = {
  PortalLogin: 'c5e1ab00-0007-4000-8000-000000000001',
  InvoiceCopy: 'c5e1ab00-0007-4000-8000-000000000002',
} as const;

/** The highest sequence values the seed uses, so the store continues after them (SR00000003 next). */
export const SEED_SEQUENCES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Case: { Number: 2 },
};

const SUPPORT_MAILBOX = 'support@our-company.example';

const CASE_ROWS: SeedRow[] = [
  {
    Id: SEED_CASE.PortalLogin, Number: 'SR00000001', Subject: 'Cannot log in to the customer portal',
    Symptoms: 'Since this morning the portal answers "invalid password" although the password was reset twice.',
    StatusId: CASE_STATUS.InProgress, PriorityId: CASE_PRIORITY.High, OriginId: CASE_ORIGIN.Email,
    CategoryId: CASE_CATEGORY.Incident, ContactId: SEED_CONTACT.MariaLopez, AccountId: ACCOUNT.Accom,
    OwnerId: SEED_CONTACT.AliceMorgan, GroupId: SYS_ADMIN_UNIT.FirstLineSupport,
  },
  {
    Id: SEED_CASE.InvoiceCopy, Number: 'SR00000002', Subject: 'Request for a copy of invoice INV-2291',
    Symptoms: 'The customer asked in the chat for a PDF copy of last month\'s invoice.',
    StatusId: CASE_STATUS.New, PriorityId: CASE_PRIORITY.Medium, OriginId: CASE_ORIGIN.Chat,
    CategoryId: CASE_CATEGORY.ServiceRequest, ContactId: SEED_CONTACT.JamesONeil, AccountId: ACCOUNT.Accom,
    GroupId: SYS_ADMIN_UNIT.SecondLineSupport,
  },
];

const email = (incoming: boolean): SeedRow => ({
  TypeId: ACTIVITY_TYPE.Email, ActivityCategoryId: ACTIVITY_CATEGORY.Email, StatusId: ACTIVITY_STATUS.Completed,
  MessageTypeId: incoming ? MESSAGE_TYPE.Incoming : MESSAGE_TYPE.Outgoing, IsHtmlBody: false,
  PriorityId: ACTIVITY_PRIORITY.Medium, CaseId: SEED_CASE.PortalLogin, AccountId: ACCOUNT.Accom,
  ContactId: SEED_CONTACT.MariaLopez,
});

const ACTIVITY_ROWS: SeedRow[] = [
  {
    ...email(true), Id: 'c5e1ab00-0008-4000-8000-000000000001', Title: 'Cannot log in to the customer portal',
    Sender: 'Maria Lopez <maria.lopez@example.com>', Recepient: SUPPORT_MAILBOX,
    Body: 'Hello, I cannot log in to the portal since this morning. Maria', SenderContactId: SEED_CONTACT.MariaLopez,
    AuthorId: SEED_CONTACT.MariaLopez, OwnerId: SEED_CONTACT.AliceMorgan,
  },
  {
    ...email(false), Id: 'c5e1ab00-0008-4000-8000-000000000002', Title: 'RE: Cannot log in to the customer portal [SR00000001]',
    Sender: `Alice Morgan <${SUPPORT_MAILBOX}>`, Recepient: 'maria.lopez@example.com',
    Body: 'Hello Maria, we are looking into it and will come back to you shortly. Alice',
    SenderContactId: SEED_CONTACT.AliceMorgan, AuthorId: SEED_CONTACT.AliceMorgan, OwnerId: SEED_CONTACT.AliceMorgan,
    EmailSendStatusId: EMAIL_SEND_STATUS.Sent,
  },
  {
    Id: 'c5e1ab00-0008-4000-8000-000000000003', Title: 'Send the invoice copy to the customer',
    TypeId: ACTIVITY_TYPE.Task, ActivityCategoryId: ACTIVITY_CATEGORY.ToDo, StatusId: ACTIVITY_STATUS.NotStarted,
    PriorityId: ACTIVITY_PRIORITY.Medium, CaseId: SEED_CASE.InvoiceCopy, ContactId: SEED_CONTACT.JamesONeil,
    AccountId: ACCOUNT.Accom, OwnerId: SEED_CONTACT.ChenWei, ShowInScheduler: true, DurationInMinutes: 30,
  },
];

const ROWS: Record<string, SeedRow[]> = {
  ...LOOKUP_ROWS,
  Contact: CONTACT_ROWS,
  Account: ACCOUNT_ROWS,
  SysAdminUnit: SYS_ADMIN_UNIT_ROWS,
  Case: CASE_ROWS,
  Activity: ACTIVITY_ROWS,
};

/** Fills every column of `def`: the row's value, else the column default, else the empty value. */
function completeRecord(def: EntityDef, row: SeedRow, now: string): EntityRecord {
  const record: EntityRecord = {};
  for (const col of def.columns) {
    const given = row[col.name];
    if (given !== undefined) {
      record[col.name] = given;
      continue;
    }
    const d = col.default;
    if (!d) record[col.name] = emptyValue(col);
    else if (d.kind === 'value') record[col.name] = d.value;
    else if (d.kind === 'now') record[col.name] = now;
    else if (d.kind === 'currentUserContact') record[col.name] = SUPERVISOR_CONTACT_ID;
    else throw new Error(`seed row ${def.name}(${String(row.Id)}) must give ${col.name} (sequence)`);
  }
  for (const key of Object.keys(row)) {
    if (!def.columns.some((c) => c.name === key)) throw new Error(`seed row ${def.name}: unknown column ${key}`);
  }
  return record;
}

/**
 * The data of a fresh simulated site: lookups with Creatio's GUIDs and names, the Supervisor,
 * agents, customers, accounts, roles, two sample cases with activities. Deterministic: `now` (a
 * canonical date, values.ts) is used for CreatedOn/ModifiedOn and other "now" defaults; the seed
 * records were created by the Supervisor. Every record has every column of its entity.
 */
export function createSeed(now: string): Record<string, EntityRecord[]> {
  const seed: Record<string, EntityRecord[]> = {};
  for (const def of ENTITIES) {
    seed[def.name] = (ROWS[def.name] ?? []).map((row) => completeRecord(def, row, now));
  }
  return seed;
}
