/** The Lab API calls of the Timeline view (issue 6). Only lab-client.ts composes this; views call labClient(). */
import type { ApiHelpers } from '../api-helpers';

export function timelineApi(h: ApiHelpers) {
  void h;
  return {};
}
