/**
 * The process log (reference/creatio-api.md §4.4): one entry per run, newest last, kept in memory
 * in a ring buffer (a restart of the site starts an empty log, as the journal does). Entries are
 * stored already redacted: headers' secrets and the webhook URL's token never reach it.
 */
export interface WebRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export interface WebResponse {
  status: number;
  headers: Record<string, string>;
  /** Response body text, cut at 16 KB (`bodyTruncated` says so). */
  body: string;
  bodyTruncated: boolean;
  timeMs: number;
}

export interface ProcessLogEntry {
  id: string;
  processId: string;
  processName: string;
  /** What fired the run: a signal, or a user firing it by hand against a record. */
  trigger: { entity: string; event: 'added' | 'modified' | 'deleted' | 'manual'; recordId: string; commitSequence?: number };
  startedOn: string;
  /** Each `[#...#]` reference and the value it resolved to. */
  parameters: Record<string, string>;
  /** The exact request sent (absent when the run failed before sending). */
  request?: WebRequest;
  /** The response to the last attempt. */
  response?: WebResponse;
  /** Why the run failed: unresolved references, network error, timeout, non-2xx answer. */
  error?: string;
  status: 'completed' | 'error';
  /** Requests sent (0 when the run failed before sending; more than 1 only with the lab's retries). */
  attempts: number;
}

export interface ProcessLog {
  add(entry: ProcessLogEntry): void;
  list(query?: { processId?: string; limit?: number }): ProcessLogEntry[];
  clear(): void;
  /** Calls `listener` with each entry as it is added (the lab's event stream); returns the unsubscribe. A throwing listener is ignored. */
  onAdd(listener: (entry: ProcessLogEntry) => void): () => void;
}

export function createProcessLog(capacity = 1000): ProcessLog {
  const entries: ProcessLogEntry[] = [];
  const listeners = new Set<(entry: ProcessLogEntry) => void>();
  return {
    add(entry) {
      entries.push(entry);
      if (entries.length > capacity) entries.splice(0, entries.length - capacity);
      for (const listener of listeners) {
        try {
          listener(structuredClone(entry));
        } catch {
          // An observer (the lab's event bus) must never break a process run.
        }
      }
    },
    list(query = {}) {
      const matching = query.processId ? entries.filter((e) => e.processId === query.processId) : entries;
      return matching.slice(-(query.limit ?? 100)).map((e) => structuredClone(e));
    },
    clear() {
      entries.length = 0;
    },
    onAdd(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
