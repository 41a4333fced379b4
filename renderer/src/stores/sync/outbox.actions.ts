/** The outbox on the Sync view: every write to Creatio, read again on outbox events; dead letters retried by hand. */
import { labClient } from '../../api/lab-client';
import { coalesce } from '../../lib/coalesce';
import { useSyncStore } from './sync.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useSyncStore.getState();

export const loadOutbox = coalesce(async () => {
  if (store().outboxLoad === 'idle') store().setOutboxLoad('loading');
  try {
    store().setItems((await labClient().outboxItems()).items);
  } catch (error) {
    store().setOutboxLoad('error', message(error));
  }
});

/** POST /api/outbox/:id/retry: the dead letter goes back in the queue (and unblocks its conversation). */
export async function retryDeadLetter(itemId: string): Promise<void> {
  store().setRetrying(itemId, true);
  try {
    await labClient().retryOutboxItem(itemId);
    store().setRetrying(itemId, false);
  } catch (error) {
    store().setRetrying(itemId, false, message(error));
  } finally {
    void loadOutbox();
  }
}
