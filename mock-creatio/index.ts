/**
 * The simulated Creatio site: OData 4, AuthService and OAuth login, a durable data store and an
 * admin API under /__lab/. Public face of mock-creatio/: other areas import only from here.
 */
export { startMockCreatio } from './server';
export type { MockCreatio, MockCreatioOptions } from './server';
export type { DataStore, Table, RecordChange } from './store/store.types';
/** Creatio's data model as the simulator defines it (entities, columns, lookups). */
export { ENTITIES } from './schema/entities';
export type { EntityDef, ColumnDef, EntityRecord } from './schema/schema.types';
/** The seed's two business processes (agent reply, case closure), pointed at a webhook URL. */
export { agentReplyTemplate, caseClosureTemplate, seedProcessTemplates } from './processes/templates';
export type { BusinessProcess, FilterGroup, Condition } from './processes/process.schema';
export type { ProcessLogEntry } from './processes/process-log';
export type { Processes } from './processes/processes';
export type { ProcessLog } from './processes/process-log';
/** Well-known GUIDs of the site's seed (case statuses, activity types, support groups, the Supervisor's contact). */
export { ACTIVITY_TYPE, CASE_STATUS, SUPERVISOR_CONTACT_ID, SYS_ADMIN_UNIT } from './schema/constants';
/** The OAuth 2.0 integrated application every fresh site has (`case-sync-lab`). */
export { DEFAULT_OAUTH_CLIENTS } from './site-settings';
