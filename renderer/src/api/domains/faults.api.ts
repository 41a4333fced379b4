/**
 * The Lab API calls of the Faults view (issue 6): the site's faults, its sessions and tokens, and the
 * engine's outbox (to watch the lab recover). Only lab-client.ts composes this; views call labClient().
 */
import { FaultsStatus, OutboxList, type FaultsBody } from '../../../../contract';
import type { ApiHelpers } from '../api-helpers';

export function faultsApi(h: ApiHelpers) {
  return {
    /** `GET /api/faults`: settings, whether the site is down now, counters. */
    getFaults: () => h.call(FaultsStatus, 'GET', '/faults'),
    /** `PUT /api/faults`: replaces the previous faults. */
    setFaults: (body: FaultsBody) => h.call(FaultsStatus, 'PUT', '/faults', body),
    /** `DELETE /api/faults`: clears every fault (the site is up again at once). */
    clearFaults: async () => void (await h.send('DELETE', '/faults')),
    /** `POST /api/creatio/expire-sessions`: every forms session ends. */
    expireSessions: async () => void (await h.send('POST', '/creatio/expire-sessions')),
    /** `POST /api/creatio/revoke-tokens`: every OAuth token issued so far stops working. */
    revokeTokens: async () => void (await h.send('POST', '/creatio/revoke-tokens')),
    /** `GET /api/outbox?state=`: the engine's writes to Creatio in that state. */
    outbox: (state: 'pending' | 'dead') => h.call(OutboxList, 'GET', `/outbox?state=${state}`),
  };
}
