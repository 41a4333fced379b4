/** The Lab API calls of the Faults view (issue 6). Only lab-client.ts composes this; views call labClient(). */
import type { ApiHelpers } from '../api-helpers';

export function faultsApi(h: ApiHelpers) {
  void h;
  return {};
}
