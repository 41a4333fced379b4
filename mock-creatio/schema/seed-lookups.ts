import {
  ACCOUNT_TYPE, ACTIVITY_CATEGORY, ACTIVITY_PRIORITY, ACTIVITY_RESULT, ACTIVITY_STATUS, ACTIVITY_TYPE,
  CASE_CATEGORY, CASE_ORIGIN, CASE_PRIORITY, CASE_STATUS, CLOSURE_CODE, CONTACT_TYPE, EMAIL_SEND_STATUS,
  MESSAGE_TYPE,
} from './constants';

/** Partial rows of the seeded lookups; `createSeed` completes them. Names per reference §3. */
export type SeedRow = Record<string, string | number | boolean>;

const named = (rows: Record<string, string>): SeedRow[] =>
  Object.entries(rows).map(([Name, Id]) => ({ Id, Name }));

/** CaseStatus flags per §3.2: Closed/Cancelled final, Resolved resolved, Waiting paused. */
const CASE_STATUS_ROWS: SeedRow[] = [
  { Id: CASE_STATUS.New, Name: 'New', StageNumber: 1, ButtonCaption: 'New' },
  { Id: CASE_STATUS.InProgress, Name: 'In progress', StageNumber: 2, ButtonCaption: 'In progress' },
  {
    Id: CASE_STATUS.WaitingForResponse, Name: 'Waiting for response', StageNumber: 3,
    ButtonCaption: 'Waiting for response', IsPaused: true,
  },
  {
    Id: CASE_STATUS.Resolved, Name: 'Resolved', StageNumber: 4, ButtonCaption: 'Resolved',
    IsResolved: true, StatusColor: '#A6DE00',
  },
  {
    Id: CASE_STATUS.Closed, Name: 'Closed', StageNumber: 5, ButtonCaption: 'Closed',
    IsFinal: true, StatusColor: '#7848EE',
  },
  { Id: CASE_STATUS.Cancelled, Name: 'Cancelled', StageNumber: 5, ButtonCaption: 'Cancelled', IsFinal: true },
  { Id: CASE_STATUS.Reopened, Name: 'Reopened', StageNumber: 2, ButtonCaption: 'Reopened' },
];

const ACTIVITY_STATUS_ROWS: SeedRow[] = [
  { Id: ACTIVITY_STATUS.NotStarted, Name: 'Not started' },
  { Id: ACTIVITY_STATUS.InProgress, Name: 'In progress' },
  { Id: ACTIVITY_STATUS.Completed, Name: 'Completed', Finish: true },
  { Id: ACTIVITY_STATUS.Cancelled, Name: 'Cancelled', Finish: true },
];

/** Every lookup entity's rows, keyed by entity name. */
export const LOOKUP_ROWS: Record<string, SeedRow[]> = {
  CaseStatus: CASE_STATUS_ROWS,
  CasePriority: named({
    Low: CASE_PRIORITY.Low, Medium: CASE_PRIORITY.Medium, High: CASE_PRIORITY.High, Critical: CASE_PRIORITY.Critical,
  }),
  CaseOrigin: named({
    Call: CASE_ORIGIN.Call, Email: CASE_ORIGIN.Email, Portal: CASE_ORIGIN.Portal,
    Chat: CASE_ORIGIN.Chat, SMS: CASE_ORIGIN.Sms, WhatsApp: CASE_ORIGIN.WhatsApp,
  }),
  CaseCategory: named({ Incident: CASE_CATEGORY.Incident, 'Service request': CASE_CATEGORY.ServiceRequest }),
  ClosureCode: named({
    'Canceled by user': CLOSURE_CODE.CanceledByUser,
    'Closed by user': CLOSURE_CODE.ClosedByUser,
    'Canceled as duplicate': CLOSURE_CODE.CanceledAsDouble,
  }),
  ActivityType: named({
    Task: ACTIVITY_TYPE.Task, Email: ACTIVITY_TYPE.Email, Call: ACTIVITY_TYPE.Call, Visit: ACTIVITY_TYPE.Visit,
  }),
  ActivityStatus: ACTIVITY_STATUS_ROWS,
  ActivityCategory: named({
    'To do': ACTIVITY_CATEGORY.ToDo, Email: ACTIVITY_CATEGORY.Email, Call: ACTIVITY_CATEGORY.Call,
    Meeting: ACTIVITY_CATEGORY.Meeting, Paperwork: ACTIVITY_CATEGORY.Paperwork,
  }),
  ActivityPriority: named({
    Low: ACTIVITY_PRIORITY.Low, Medium: ACTIVITY_PRIORITY.Medium, High: ACTIVITY_PRIORITY.High,
  }),
  ActivityResult: named({ Completed: ACTIVITY_RESULT.Completed, Canceled: ACTIVITY_RESULT.Canceled }),
  EmailType: named({ Incoming: MESSAGE_TYPE.Incoming, Outgoing: MESSAGE_TYPE.Outgoing }),
  EmailSendStatus: named({
    'Not sent': EMAIL_SEND_STATUS.NotSent, Sent: EMAIL_SEND_STATUS.Sent, 'In progress': EMAIL_SEND_STATUS.InProgress,
  }),
  ContactType: named({
    Contact: CONTACT_TYPE.Contact, Customer: CONTACT_TYPE.Customer, Employee: CONTACT_TYPE.Employee,
  }),
  AccountType: named({
    Customer: ACCOUNT_TYPE.Customer, Partner: ACCOUNT_TYPE.Partner, 'Our company': ACCOUNT_TYPE.OurCompany,
  }),
};
