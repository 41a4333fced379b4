/**
 * The few well-known Creatio GUIDs the engine writes. Copied from the reference (the engine must not
 * import the simulator's constants): creatio-api.md §3.3 and §3.4, from Creatio's own
 * ServiceDeskConstants / ConfigurationConstants.
 */

/** ActivityStatus "Completed": a logged message is a finished fact, not a to-do (§3.4). */
export const ACTIVITY_STATUS_COMPLETED = '4bdbb88f-58e6-df11-971b-001d60e938c6';

/** Activity.MessageType (EmailType) Incoming / Outgoing (§3.4). */
export const MESSAGE_TYPE_INCOMING = '7f9d1f86-f36b-1410-068c-20cf30b39373';
export const MESSAGE_TYPE_OUTGOING = '7f6d3f94-f36b-1410-068c-20cf30b39373';

/**
 * CaseOrigin is looked up by Name (a tenant's own rows, reference §3.3: "No Chat origin GUID found"),
 * so these are the names we ask for per channel. Email is a stock row; the others exist where the
 * tenant added them. When none matches, the case gets the site's default origin (CaseOriginDef).
 */
export const ORIGIN_NAME_BY_CHANNEL = {
  web: 'Chat',
  email: 'Email',
  sms: 'SMS',
  whatsapp: 'WhatsApp',
} as const;
