/** What the Creatio desk does, over OData 4 through the Lab API (as Supervisor); answers go into the creatio store. */
import { labClient } from '../../api/lab-client';
import { coalesce } from '../../lib/coalesce';
import { ACTIVITY_TYPE, QUERIES, toActivityRow, toCaseDetail, toCaseRow, toStatusRow } from './creatio.rows';
import { useCreatioStore } from './creatio.store';
import { errorMessage as message, withActing } from '../../lib/acting';

const store = () => useCreatioStore.getState();

/** Reads the case list (and, once, the statuses); bursts of record events coalesce into one read. */
export const refreshCases = coalesce(async () => {
  if (store().listLoad === 'idle') store().setListLoad('loading');
  try {
    const client = labClient();
    if (store().statuses.length === 0) store().setStatuses((await client.odataList(QUERIES.statuses())).value.map(toStatusRow));
    store().setCases((await client.odataList(QUERIES.cases())).value.map(toCaseRow));
  } catch (error) {
    store().setListLoad('error', message(error));
  }
});

/** Reads the open case and its activity feed again. */
export const refreshOpenCase = coalesce(async () => {
  const id = store().openCaseId;
  if (!id) return;
  try {
    const client = labClient();
    const [detail, activities] = await Promise.all([client.odataRecord(QUERIES.case(id)), client.odataList(QUERIES.activities(id))]);
    store().setPage(toCaseDetail(detail), activities.value.map(toActivityRow));
  } catch (error) {
    if (store().openCaseId === id) store().setPageLoad('error', message(error));
  }
});

export function openCase(id: string | null): void {
  store().openCase(id);
  void refreshOpenCase();
}

async function act(label: string, work: () => Promise<void>): Promise<boolean> {
  try {
    return await withActing(store().setActing, label, work);
  } finally {
    void refreshOpenCase();
    void refreshCases();
  }
}

/**
 * The agent answers: an Activity on the case (Email or Task), as an agent in Creatio would add it. The
 * site's agent-reply process then calls the engine's webhook, which delivers it to the customer.
 */
export async function sendReply(): Promise<void> {
  const { detail, replyText, replyType } = store();
  const text = replyText.trim();
  if (!detail) return;
  if (!text) return store().setActing(null, 'Write a reply first');
  const ok = await act('Sending the reply', async () => {
    await labClient().odataInsert('Activity', {
      Title: `Re: ${detail.subject} [${detail.number}]`, Body: text, TypeId: ACTIVITY_TYPE[replyType], CaseId: detail.id,
    });
  });
  if (ok) store().setReplyText('');
}

/** Moves the open case to a status (Resolve, Close): PATCH StatusId, answered 204. */
export async function changeStatus(statusId: string, label: string): Promise<void> {
  const id = store().openCaseId;
  if (!id) return;
  await act(label, () => labClient().odataUpdate(`Case(${id})`, { StatusId: statusId }));
}
