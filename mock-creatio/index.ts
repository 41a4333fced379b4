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
