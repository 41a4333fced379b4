import { randomUUID } from 'node:crypto';
import type { SchemaModel } from '../schema/model';
import type { EntityRecord } from '../schema/schema.types';
import { formatDate } from '../schema/values';
import type { DataStore, RecordChange } from '../store/store.types';
import { matchesFilter } from './filter-match';
import { resolveTemplate } from './parameters';
import { checkProcess } from './process-checks';
import type { ProcessLog, ProcessLogEntry, WebRequest } from './process-log';
import type { BusinessProcess, Signal } from './process.schema';
import type { CallOutcome } from './web-service-call';
import { redactRequest, sendRequest } from './web-service-call';

export interface ProcessEngineOptions {
  model: SchemaModel;
  store: DataStore;
  /** The saved processes (read at each commit, so edits apply to the next commit). */
  processes: () => readonly BusinessProcess[];
  log: ProcessLog;
  /** Epoch milliseconds, for `startedOn`. */
  now?: () => number;
  /** "Call web service" timeout (default 10 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface ProcessEngine {
  /** Runs a process by hand against a record, whatever its signal says; resolves with the log entry. */
  fire(process: BusinessProcess, record: EntityRecord): Promise<ProcessLogEntry>;
  /** Resolves once every queued run has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops listening to commits and cancels requests in flight (site shutdown); queued runs end in error. */
  stop(): void;
}

type Trigger = ProcessLogEntry['trigger'];
const EVENT: Record<RecordChange['kind'], Signal['event']> = { insert: 'added', update: 'modified', delete: 'deleted' };

/** Whether a committed change fires a signal: object, event, changed columns, then the filter. */
export function signalMatches(signal: Signal, change: RecordChange, ctx: { model: SchemaModel; store?: DataStore }): boolean {
  if (signal.entity !== change.entity || signal.event !== EVENT[change.kind]) return false;
  if (change.kind === 'update' && signal.changedColumns && signal.changedColumns.length > 0) {
    if (!signal.changedColumns.some((c) => change.before[c] !== change.after[c])) return false;
  }
  const record = change.kind === 'delete' ? change.before : change.after;
  return matchesFilter(signal.filter, record, { ...ctx, entity: change.entity });
}

/**
 * Starts business processes from the store's commits (reference/creatio-api.md §4.1). The commit
 * listener only decides which processes fire and queues their runs: the write that fired them is
 * answered without waiting. Runs execute one at a time in commit order, so a receiver sees the
 * webhooks in the order the records were written (a hanging receiver holds later runs back until
 * the timeout).
 */
export function createProcessEngine(options: ProcessEngineOptions): ProcessEngine {
  const now = options.now ?? Date.now;
  let tail: Promise<unknown> = Promise.resolve();
  const shutdown = new AbortController();
  const enqueue = (job: () => Promise<unknown>) => {
    tail = tail.then(job).catch((err: unknown) => console.error('[mock-creatio processes] run failed:', err));
  };

  const unsubscribe = options.store.onCommit((changes, sequence) => {
    for (const change of changes) {
      for (const process of options.processes()) {
        if (!process.active || !signalMatches(process.signal, change, options)) continue;
        const record = change.kind === 'delete' ? change.before : change.after;
        const trigger: Trigger = { entity: change.entity, event: EVENT[change.kind], recordId: change.id, commitSequence: sequence };
        enqueue(() => run(process, trigger, record));
      }
    }
  });

  async function run(process: BusinessProcess, trigger: Trigger, record: EntityRecord): Promise<ProcessLogEntry> {
    const entry: ProcessLogEntry = {
      id: randomUUID(), processId: process.id, processName: process.name, trigger,
      startedOn: formatDate(now()), parameters: {}, status: 'error', attempts: 0,
    };
    const finish = (): ProcessLogEntry => {
      options.log.add(entry);
      return entry;
    };
    const checks = checkProcess(process, options);
    if (checks.errors.length > 0) {
      entry.error = `process check failed: ${checks.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
      return finish();
    }
    const call = process.callWebService;
    const resolved = resolveTemplate({ ...options, entity: process.signal.entity, record, template: call.body, contentType: call.contentType });
    entry.parameters = resolved.parameters;
    if (!resolved.ok) {
      entry.error = `parameters did not resolve, nothing sent: ${resolved.errors.join('; ')}`;
      return finish();
    }
    const request: WebRequest = { url: call.url, method: call.method, headers: { 'Content-Type': call.contentType, ...call.headers }, body: resolved.body };
    entry.request = redactRequest(request);
    const outcome = await send(process, request, entry);
    entry.response = outcome.response;
    entry.error = outcome.error;
    entry.status = outcome.error ? 'error' : 'completed';
    return finish();
  }

  /** Creatio sends once; `retries` (a lab extra) re-sends after a failure. */
  async function send(process: BusinessProcess, request: WebRequest, entry: ProcessLogEntry): Promise<CallOutcome> {
    const attempts = process.retries?.attempts ?? 1;
    let outcome: CallOutcome = {};
    for (let i = 0; i < attempts; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, process.retries?.delayMs ?? 0));
      entry.attempts = i + 1;
      outcome = await sendRequest(request, { timeoutMs: options.timeoutMs ?? 10_000, fetch: options.fetch, cancel: shutdown.signal });
      if (!outcome.error) break;
    }
    return outcome;
  }

  return {
    fire: (process, record) => run(process, { entity: process.signal.entity, event: 'manual', recordId: String(record.Id) }, record),
    async idle() {
      let seen: Promise<unknown> | undefined;
      while (seen !== tail) {
        seen = tail;
        await tail;
      }
    },
    stop() {
      unsubscribe();
      shutdown.abort(new Error('the site is shutting down'));
    },
  };
}
