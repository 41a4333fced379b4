/** What the Timeline view does: read the older events once, and read the request behind a clicked hop. */
import { labClient } from '../../api/lab-client';
import type { Hop } from './timeline.hops';
import {
  eventView, findJournalEntry, findProcessRun, findWebhookEntry, journalView, processView, webhookView, type RequestView,
} from './timeline.requests';
import { useTimelineStore } from './timeline.store';
import { errorMessage as message } from '../../lib/acting';

const store = () => useTimelineStore.getState();

/** Reads the events the lab kept from before the window connected (once; again after an error). */
export async function loadHistory(): Promise<void> {
  if (store().historyLoad === 'loading' || store().historyLoad === 'ready') return;
  store().setHistoryLoad('loading');
  try {
    store().setHistory((await labClient().eventHistory(0)).events);
  } catch (error) {
    store().setHistoryLoad('error', message(error));
  }
}

const JOURNAL_LIMIT = 1_000;

async function requestOf(hop: Hop): Promise<RequestView> {
  const client = labClient();
  const { event } = hop;
  switch (hop.source) {
    case 'journal': {
      const entry = findJournalEntry(event, (await client.journal({ limit: JOURNAL_LIMIT })).entries);
      return entry ? journalView(entry) : eventView(event, "No request for this record is left in the site's journal (it keeps the last 1,000); here is the event.");
    }
    case 'process': {
      const processId = typeof event.data.processId === 'string' ? event.data.processId : '';
      const run = findProcessRun(event, processId ? (await client.processLog(processId)).entries : []);
      return run ? processView(run) : eventView(event, 'This run is no longer in the process log (it keeps the last 1,000 runs); here is the event.');
    }
    case 'webhook': {
      const entry = findWebhookEntry(event, (await client.webhookLog()).entries);
      return entry ? webhookView(entry) : eventView(event, 'No matching request in the webhook log; here is the event.');
    }
    default:
      return eventView(event);
  }
}

/** Opens a hop (or closes it when it is already open) and reads its request. */
export async function toggleHop(hop: Hop): Promise<void> {
  if (store().openSeq === hop.seq) return store().openHop(null);
  store().openHop(hop.seq);
  try {
    store().setRequest(hop.seq, await requestOf(hop), 'ready');
  } catch (error) {
    store().setRequest(hop.seq, null, 'error', message(error));
  }
}
