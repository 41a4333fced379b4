/**
 * Well-known record GUIDs of a stock Creatio site (reference/creatio-api.md §3), plus the GUIDs the
 * simulator invents where Creatio's are unknown. Every invented GUID starts with `c5e1ab00-` so it is
 * obviously ours; docs/fidelity.md lists them.
 */

/** CaseStatus rows (ServiceDeskConstants.CaseState, reference §3.2). */
export const CASE_STATUS = {
  New: 'ae5f2f10-f46b-1410-fd9a-0050ba5d6c38',
  InProgress: '7e9f1204-f46b-1410-fb9a-0050ba5d6c38',
  WaitingForResponse: '3859c6e7-cbcb-486b-ba53-77808fe6e593',
  Resolved: 'ae7f411e-f46b-1410-009b-0050ba5d6c38',
  Closed: '3e7f420c-f46b-1410-fc9a-0050ba5d6c38',
  Cancelled: '6e5f4218-f46b-1410-fe9a-0050ba5d6c38',
  Reopened: 'f063ebbe-fdc6-4982-8431-d8cfa52fedcf',
} as const;

/** CasePriority (§3.3). Medium = CasePriorityDef (name UNCONFIRMED); High/Critical UNCONFIRMED; Low ours. */
export const CASE_PRIORITY = {
  Low: 'c5e1ab00-0002-4000-8000-000000000001',
  Medium: 'd9bd322c-f46b-1410-ee8c-0050ba5d6c38',
  High: '8b700f24-f46b-1410-ee8c-0050ba5d6c38',
  Critical: 'afb33208-f46b-1410-ec8c-0050ba5d6c38',
} as const;

/** CaseOrigin (§3.3). Call = CaseOriginDef (name UNCONFIRMED); Chat, SMS and WhatsApp are ours. */
export const CASE_ORIGIN = {
  Call: '5e5e202a-f46b-1410-3692-0050ba5d6c38',
  Email: '7f9e1f1e-f46b-1410-3492-0050ba5d6c38',
  Portal: 'debf4124-f46b-1410-3592-0050ba5d6c38',
  Chat: 'c5e1ab00-0001-4000-8000-000000000001',
  Sms: 'c5e1ab00-0001-4000-8000-000000000002',
  WhatsApp: 'c5e1ab00-0001-4000-8000-000000000003',
} as const;

/** CaseCategory (ServiceDeskConstants, §3.3). */
export const CASE_CATEGORY = {
  Incident: '1b0bc159-150a-e111-a31b-00155d04c01d',
  ServiceRequest: '1c0bc159-150a-e111-a31b-00155d04c01d',
} as const;

/** ClosureCode (CaseConsts / ServiceDeskConstants, §3.2). Names of the rows are ours. */
export const CLOSURE_CODE = {
  CanceledByUser: '068ea63f-f5da-4d0e-b061-95a64ad120e7',
  ClosedByUser: '7643e27f-51b2-4226-9001-e2a0aa415b3f',
  CanceledAsDouble: '7ce9843e-6855-4412-9282-ec55edf6d05b',
} as const;

/** ActivityType (§3.4). */
export const ACTIVITY_TYPE = {
  Task: 'fbe0acdc-cfc0-df11-b00f-001d60e938c6',
  Email: 'e2831dec-cfc0-df11-b00f-001d60e938c6',
  Call: 'e1831dec-cfc0-df11-b00f-001d60e938c6',
  Visit: 'e3831dec-cfc0-df11-b00f-001d60e938c6',
} as const;

/** ActivityStatus (§3.4). */
export const ACTIVITY_STATUS = {
  NotStarted: '384d4b84-58e6-df11-971b-001d60e938c6',
  InProgress: '394d4b84-58e6-df11-971b-001d60e938c6',
  Completed: '4bdbb88f-58e6-df11-971b-001d60e938c6',
  Cancelled: '201cfba8-58e6-df11-971b-001d60e938c6',
} as const;

/** ActivityCategory (§3.4). */
export const ACTIVITY_CATEGORY = {
  ToDo: 'f51c4643-58e6-df11-971b-001d60e938c6',
  Email: '8038a396-7825-e011-8165-00155d043204',
  Call: 'e52bd583-7825-e011-8165-00155d043204',
  Meeting: '42c74c49-58e6-df11-971b-001d60e938c6',
  Paperwork: '2365ae4f-58e6-df11-971b-001d60e938c6',
} as const;

/** ActivityPriority (§3.4). Medium = default (name likely); Low UNCONFIRMED; High ours. */
export const ACTIVITY_PRIORITY = {
  Low: 'ac96fa02-7fe6-df11-971b-001d60e938c6',
  Medium: 'ab96fa02-7fe6-df11-971b-001d60e938c6',
  High: 'c5e1ab00-0009-4000-8000-000000000001',
} as const;

/** ActivityResult (§3.4). */
export const ACTIVITY_RESULT = {
  Completed: '632afdd2-f616-4ea6-87d2-8ed38eed8aff',
  Canceled: 'fc7d2e5e-f36b-1410-6698-00155d043204',
} as const;

/** Activity.MessageType → EmailType (§3.4). */
export const MESSAGE_TYPE = {
  Incoming: '7f9d1f86-f36b-1410-068c-20cf30b39373',
  Outgoing: '7f6d3f94-f36b-1410-068c-20cf30b39373',
} as const;

/** EmailSendStatus (§3.4). */
export const EMAIL_SEND_STATUS = {
  NotSent: '20c0c460-6107-e011-a646-16d83cab0980',
  Sent: '8074ffc0-6107-e011-a646-16d83cab0980',
  InProgress: '603ba6af-6107-e011-a646-16d83cab0980',
} as const;

/** ContactType (ConfigurationConstants, §3.6). */
export const CONTACT_TYPE = {
  Contact: '806732ee-f36b-1410-a883-16d83cab0980',
  Customer: '00783ef6-f36b-1410-a883-16d83cab0980',
  Employee: '60733efc-f36b-1410-a883-16d83cab0980',
} as const;

/** AccountType. Customer per §3.6; Partner and Our company from public Creatio configuration code. */
export const ACCOUNT_TYPE = {
  Customer: '03a75490-53e6-df11-971b-001d60e938c6',
  Partner: 'f2c0ce97-53e6-df11-971b-001d60e938c6',
  OurCompany: '57412fad-53e6-df11-971b-001d60e938c6',
} as const;

/** SysAdminUnitTypeValue (§3.7). */
export const SYS_ADMIN_UNIT_TYPE = {
  Organisation: 0,
  Department: 1,
  Manager: 2,
  Team: 3,
  User: 4,
  PortalUser: 5,
  FunctionalRole: 6,
} as const;

/**
 * SysAdminUnit roles (§3.7). FirstLineSupport is the group of a demo case (its name UNCONFIRMED);
 * the other two support groups are ours.
 */
export const SYS_ADMIN_UNIT = {
  SystemAdministrators: '83a43ebc-f36b-1410-298d-001e8c82bcad',
  AllEmployees: 'a29a3ba5-4b0d-de11-9a51-005056c00008',
  PortalUsers: '720b771c-e7a7-4f31-9cfb-52cd21c3739f',
  FirstLineSupport: 'b5d51a2d-c0dd-477b-b2aa-58034367ba26',
  SecondLineSupport: 'c5e1ab00-0003-4000-8000-000000000002',
  SupportManagers: 'c5e1ab00-0003-4000-8000-000000000003',
} as const;

/** The Supervisor user's contact in Creatio demo data (§1.4). */
export const SUPERVISOR_CONTACT_ID = '410006e1-ca4e-4502-a9ec-e54d922d2c00';
/** The Supervisor user (SysAdminUnit type 4). Ours: its real GUID is not in the reference. */
export const SUPERVISOR_USER_ID = 'c5e1ab00-0005-4000-8000-000000000001';

/** Accounts (§3.6). The third one is ours. */
export const ACCOUNT = {
  OurCompany: 'e308b781-3c5b-4ecb-89ef-5c1ed4da488e',
  Accom: '405947d0-2ffb-4ded-8675-0475f19f5a81',
  Northwind: 'c5e1ab00-0006-4000-8000-000000000003',
} as const;
