import type { EntityDef } from '../schema.types';
import { createSchemaModel } from '../model';
import { ACTIVITY } from './activity';
import { CASE } from './case';
import { LOOKUPS } from './lookups';
import { ACCOUNT, CONTACT, SYS_ADMIN_UNIT } from './party';

/** Every entity the simulated Creatio site serves, in service-document order. */
export const ENTITIES: readonly EntityDef[] = [CASE, ACTIVITY, CONTACT, ACCOUNT, SYS_ADMIN_UNIT, ...LOOKUPS];

/** The indexed schema model of ENTITIES. */
export const SCHEMA = createSchemaModel(ENTITIES);
