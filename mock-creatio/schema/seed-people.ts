import {
  ACCOUNT, ACCOUNT_TYPE, CONTACT_TYPE, SUPERVISOR_CONTACT_ID, SUPERVISOR_USER_ID, SYS_ADMIN_UNIT,
  SYS_ADMIN_UNIT_TYPE as T,
} from './constants';
import type { SeedRow } from './seed-lookups';

/**
 * Seeded people: the Supervisor, three support agents, five customers, their accounts, and the
 * roles and support groups of SysAdminUnit (reference §3.6, §3.7). GUIDs starting `c5e1ab00-` are ours.
 */

/** Contact ids of the seeded agents and customers. */
export const SEED_CONTACT = {
  Supervisor: SUPERVISOR_CONTACT_ID,
  AliceMorgan: 'c5e1ab00-0004-4000-8000-000000000001',
  BrunoKeller: 'c5e1ab00-0004-4000-8000-000000000002',
  ChenWei: 'c5e1ab00-0004-4000-8000-000000000003',
  MariaLopez: 'c5e1ab00-0004-4000-8000-000000000101',
  JamesONeil: 'c5e1ab00-0004-4000-8000-000000000102',
  AikoTanaka: 'c5e1ab00-0004-4000-8000-000000000103',
  LukasNovak: 'c5e1ab00-0004-4000-8000-000000000104',
  FatimaZahra: 'c5e1ab00-0004-4000-8000-000000000105',
} as const;

/** A user who can sign in to the simulated site (forms auth, reference §2.1). */
export interface SeedUser {
  readonly userName: string;
  readonly password: string;
  /** The user's Contact: what CreatedById/OwnerId default to for this user (§1.4). */
  readonly contactId: string;
  /** The user's SysAdminUnit record (type 4). */
  readonly sysAdminUnitId: string;
}

/** The seeded users: Supervisor/Supervisor as on a Creatio demo site, plus the three agents. */
export const SEED_USERS: readonly SeedUser[] = [
  { userName: 'Supervisor', password: 'Supervisor', contactId: SUPERVISOR_CONTACT_ID, sysAdminUnitId: SUPERVISOR_USER_ID },
  { userName: 'Alice', password: 'Alice123', contactId: SEED_CONTACT.AliceMorgan, sysAdminUnitId: 'c5e1ab00-0005-4000-8000-000000000002' },
  { userName: 'Bruno', password: 'Bruno123', contactId: SEED_CONTACT.BrunoKeller, sysAdminUnitId: 'c5e1ab00-0005-4000-8000-000000000003' },
  { userName: 'Chen', password: 'Chen123', contactId: SEED_CONTACT.ChenWei, sysAdminUnitId: 'c5e1ab00-0005-4000-8000-000000000004' },
];

/**
 * A suggested OAuth 2.0 client-credentials application (reference §2.2, §5.1 "OpenCX Integration"),
 * acting as the Supervisor. Ids and secret are ours.
 */
export const SEED_OAUTH_CLIENTS = [
  {
    name: 'OpenCX Integration',
    clientId: 'C5E1AB00CA5E5C7A0000000000000001',
    clientSecret: 'c5e1ab00-lab-secret-6f2d9a41c0b84e7d93a5',
    systemUserContactId: SUPERVISOR_CONTACT_ID,
  },
] as const;

const employee = (Id: string, Name: string, JobTitle: string, Email: string, Phone: string): SeedRow => {
  const [GivenName = '', Surname = ''] = Name.split(' ');
  return { Id, Name, GivenName, Surname, JobTitle, Email, Phone, TypeId: CONTACT_TYPE.Employee, AccountId: ACCOUNT.OurCompany };
};

const customer = (Id: string, Name: string, Email: string, Phone: string, AccountId: string): SeedRow => {
  const [GivenName = '', Surname = ''] = Name.split(' ');
  return { Id, Name, GivenName, Surname, Email, Phone, MobilePhone: Phone, TypeId: CONTACT_TYPE.Customer, AccountId };
};

export const CONTACT_ROWS: SeedRow[] = [
  { ...employee(SUPERVISOR_CONTACT_ID, 'Supervisor', 'Administrator', 'supervisor@our-company.example', '+1 555 0100'), GivenName: 'Supervisor', Surname: '' },
  employee(SEED_CONTACT.AliceMorgan, 'Alice Morgan', 'Support agent', 'alice.morgan@our-company.example', '+1 555 0111'),
  employee(SEED_CONTACT.BrunoKeller, 'Bruno Keller', 'Support agent', 'bruno.keller@our-company.example', '+1 555 0112'),
  employee(SEED_CONTACT.ChenWei, 'Chen Wei', 'Support engineer', 'chen.wei@our-company.example', '+1 555 0113'),
  customer(SEED_CONTACT.MariaLopez, 'Maria Lopez', 'maria.lopez@example.com', '+1 555 0201', ACCOUNT.Accom),
  // an apostrophe in the name exercises '' escaping in $filter (reference §1.3)
  customer(SEED_CONTACT.JamesONeil, "James O'Neil", 'james.oneil@example.com', '+44 20 7946 0102', ACCOUNT.Accom),
  customer(SEED_CONTACT.AikoTanaka, 'Aiko Tanaka', 'aiko.tanaka@example.org', '+81 3 5550 0103', ACCOUNT.Northwind),
  customer(SEED_CONTACT.LukasNovak, 'Lukas Novak', 'lukas.novak@example.net', '+420 555 010 104', ACCOUNT.Northwind),
  customer(SEED_CONTACT.FatimaZahra, 'Fatima Zahra', 'fatima.zahra@example.com', '+212 555 0105', ACCOUNT.Accom),
];

export const ACCOUNT_ROWS: SeedRow[] = [
  { Id: ACCOUNT.OurCompany, Name: 'Our company', TypeId: ACCOUNT_TYPE.OurCompany, OwnerId: SUPERVISOR_CONTACT_ID, PrimaryContactId: SUPERVISOR_CONTACT_ID, Web: 'https://our-company.example' },
  { Id: ACCOUNT.Accom, Name: 'Accom (sample)', TypeId: ACCOUNT_TYPE.Customer, OwnerId: SEED_CONTACT.AliceMorgan, PrimaryContactId: SEED_CONTACT.MariaLopez, Phone: '+1 555 0200', Web: 'https://accom.example' },
  { Id: ACCOUNT.Northwind, Name: 'Northwind Traders', TypeId: ACCOUNT_TYPE.Customer, OwnerId: SEED_CONTACT.BrunoKeller, PrimaryContactId: SEED_CONTACT.AikoTanaka, Phone: '+1 555 0300', Web: 'https://northwind.example' },
];

const role = (Id: string, Name: string, type: number, extra: SeedRow = {}): SeedRow => ({
  Id, Name, SysAdminUnitTypeValue: type, Active: true, ...extra,
});

const user = (u: SeedUser, Email: string): SeedRow => ({
  Id: u.sysAdminUnitId, Name: u.userName, SysAdminUnitTypeValue: T.User, ContactId: u.contactId,
  AccountId: ACCOUNT.OurCompany, Active: true, ConnectionType: 0, Email,
});

const underAllEmployees = { ParentRoleId: SYS_ADMIN_UNIT.AllEmployees };

export const SYS_ADMIN_UNIT_ROWS: SeedRow[] = [
  role(SYS_ADMIN_UNIT.AllEmployees, 'All employees', T.Organisation),
  role(SYS_ADMIN_UNIT.PortalUsers, 'Portal users', T.Organisation, { ConnectionType: 1 }),
  role(SYS_ADMIN_UNIT.SystemAdministrators, 'System administrators', T.FunctionalRole),
  role(SYS_ADMIN_UNIT.FirstLineSupport, '1st-line support', T.Team, underAllEmployees),
  role(SYS_ADMIN_UNIT.SecondLineSupport, '2nd-line support', T.Team, underAllEmployees),
  role(SYS_ADMIN_UNIT.SupportManagers, 'Support managers', T.Team, underAllEmployees),
  ...SEED_USERS.map((u, i) => user(u, String(CONTACT_ROWS[i]?.Email ?? ''))),
];
