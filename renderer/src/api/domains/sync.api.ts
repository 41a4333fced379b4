/** The Lab API calls of the Sync view (issue 6). Only lab-client.ts composes this; views call labClient(). */
import type { ApiHelpers } from '../api-helpers';

export function syncApi(h: ApiHelpers) {
  void h;
  return {};
}
