/** How the window names channels and who wrote an entry. */
import type { Channel, Role } from '../../../../contract';

export const CHANNEL_LABEL: Record<Channel, string> = { web: 'Web widget', email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp' };

export const ROLE_LABEL: Record<Role, string> = { customer: 'Customer', ai: 'AI assistant', agent: 'Agent', system: 'Notice' };

export const STATUS_LABEL = { open: 'Open', handed_off: 'Handed off', resolved: 'Resolved' } as const;
