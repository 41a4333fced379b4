import type { EntityDef } from '../schema.types';
import { column, entity, lookup, text } from './columns';

/** Contact (reference/creatio-api.md §3.6, columns of a real POST 201 body). */
export const CONTACT: EntityDef = entity('Contact', 'Name', [
  text('Name', 250, { required: true }),
  lookup('OwnerId', 'Contact'),
  lookup('AccountId', 'Account'),
  lookup('TypeId', 'ContactType'),
  text('JobTitle', 250),
  text('Phone', 250),
  text('MobilePhone', 250),
  text('HomePhone', 250),
  text('Skype', 250),
  text('Email', 250),
  text('Surname', 250),
  text('GivenName', 250),
  text('MiddleName', 250),
  text('Notes'),
  column('BirthDate', 'Edm.DateTimeOffset'),
  text('Address', 500),
  text('Zip', 50),
  column('DoNotUseEmail', 'Edm.Boolean'),
  column('DoNotUseCall', 'Edm.Boolean'),
  column('DoNotUseSms', 'Edm.Boolean'),
  // →SysLanguage in Creatio; a plain Guid here
  column('LanguageId', 'Edm.Guid'),
  column('Confirmed', 'Edm.Boolean'),
  column('Completeness', 'Edm.Int32'),
]);

/** Account (reference §3.6). */
export const ACCOUNT: EntityDef = entity('Account', 'Name', [
  text('Name', 250, { required: true }),
  lookup('OwnerId', 'Contact'),
  lookup('PrimaryContactId', 'Contact'),
  lookup('ParentId', 'Account'),
  lookup('TypeId', 'AccountType'),
  text('Code', 50),
  text('Phone', 250),
  text('AdditionalPhone', 250),
  text('Web', 250),
  text('Address', 500),
  text('Zip', 50),
  text('Notes'),
]);

/** SysAdminUnit: users, roles, groups (reference §3.7). */
export const SYS_ADMIN_UNIT: EntityDef = entity('SysAdminUnit', 'Name', [
  text('Name', 250, { required: true }),
  text('Description', 250),
  // 0 organisation, 1 department, 2 manager, 3 team, 4 user, 5 portal user, 6 functional role
  column('SysAdminUnitTypeValue', 'Edm.Int32'),
  lookup('ParentRoleId', 'SysAdminUnit'),
  lookup('ContactId', 'Contact'),
  lookup('AccountId', 'Account'),
  column('Active', 'Edm.Boolean', { default: { kind: 'value', value: true } }),
  // 0 employees, 1 portal (§3.7)
  column('ConnectionType', 'Edm.Int32'),
  text('Email', 250),
  text('Phone', 250),
]);
