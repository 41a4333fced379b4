import { randomUUID } from 'node:crypto';
import { redactHeaders, redactWebhookToken } from '../admin/redact';
import type { SchemaModel } from '../schema/model';
import type { DataStore } from '../store/store.types';
import type { JsonDocument } from '../store/json-document';
import type { Issue } from './process-checks';
import { checkProcess } from './process-checks';
import { BusinessProcess, BusinessProcessInput } from './process.schema';
import type { ProcessesFile } from './process.schema';

/** A process refused by the checks (or by its shape): each problem with its path. */
export class ProcessCheckError extends Error {
  constructor(readonly issues: Issue[], readonly warnings: Issue[] = []) {
    super(`The process was not saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

export class ProcessNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`No business process with id '${id}'`);
  }
}

export interface SavedProcess {
  process: BusinessProcess;
  warnings: Issue[];
}

export interface ProcessRegistry {
  list(): readonly BusinessProcess[];
  get(id: string): BusinessProcess;
  /** Validates (shape, then checks) and saves a new process; the id is generated unless given. */
  create(input: unknown, id?: string): Promise<SavedProcess>;
  /** Replaces a process. Redacted secrets sent back unchanged (`***`) keep the stored value. */
  replace(id: string, input: unknown): Promise<SavedProcess>;
  remove(id: string): Promise<void>;
  setActive(id: string, active: boolean): Promise<BusinessProcess>;
  /** Saves processes given at start: each replaces the stored one with its id, keeping `active`. */
  seed(processes: readonly BusinessProcess[]): Promise<void>;
  warnings(process: BusinessProcess): Issue[];
}

/** Business processes stored in `<workspace>/creatio/processes.json`. */
export function createProcessRegistry(deps: { doc: JsonDocument<ProcessesFile>; model: SchemaModel; store: DataStore }): ProcessRegistry {
  const { doc } = deps;
  const find = (id: string) => doc.read().processes.find((p) => p.id === id);
  const get = (id: string) => {
    const found = find(id);
    if (!found) throw new ProcessNotFoundError(id);
    return found;
  };

  function validate(input: unknown, id: string): SavedProcess {
    const parsed = BusinessProcessInput.safeParse(input);
    if (!parsed.success) {
      throw new ProcessCheckError(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })));
    }
    const process = BusinessProcess.parse({ ...parsed.data, id });
    const result = checkProcess(process, deps);
    if (result.errors.length > 0) throw new ProcessCheckError(result.errors, result.warnings);
    return { process, warnings: result.warnings };
  }

  return {
    list: () => doc.read().processes,
    get,
    async create(input, id = randomUUID()) {
      if (find(id)) throw new ProcessCheckError([{ path: 'id', message: `a process with id '${id}' exists` }]);
      const saved = validate(input, id);
      await doc.update((d) => void d.processes.push(saved.process));
      return saved;
    },
    async replace(id, input) {
      const stored = get(id);
      const saved = validate(keepRedactedSecrets(input, stored), id);
      await doc.update((d) => void (d.processes = d.processes.map((p) => (p.id === id ? saved.process : p))));
      return saved;
    },
    async remove(id) {
      get(id);
      await doc.update((d) => void (d.processes = d.processes.filter((p) => p.id !== id)));
    },
    async setActive(id, active) {
      get(id);
      const next = await doc.update((d) => void d.processes.forEach((p) => (p.id === id ? (p.active = active) : undefined)));
      return next.processes.find((p) => p.id === id)!;
    },
    async seed(processes) {
      const checked = processes.map((p) => validate({ ...p, active: find(p.id)?.active ?? p.active }, p.id).process);
      await doc.update((d) => {
        const ids = new Set(checked.map((p) => p.id));
        d.processes = [...d.processes.filter((p) => !ids.has(p.id)), ...checked];
      });
    },
    warnings: (process) => checkProcess(process, deps).warnings,
  };
}

/** A process as the admin API shows it: the webhook token and secret headers redacted. */
export function redactProcess(process: BusinessProcess): BusinessProcess {
  const call = process.callWebService;
  return { ...process, callWebService: { ...call, url: redactWebhookToken(call.url), headers: redactHeaders(call.headers) } };
}

/** A client editing what GET returned sends the redacted URL/headers back: keep the real ones. */
function keepRedactedSecrets(input: unknown, stored: BusinessProcess): unknown {
  if (!input || typeof input !== 'object') return input;
  const call = (input as { callWebService?: Record<string, unknown> }).callWebService;
  if (!call || typeof call !== 'object') return input;
  const shown = redactProcess(stored).callWebService;
  const url = call.url === shown.url ? stored.callWebService.url : call.url;
  let headers = call.headers;
  if (headers && typeof headers === 'object') {
    headers = Object.fromEntries(Object.entries(headers as Record<string, unknown>).map(([k, v]) =>
      [k, v === shown.headers[k] && stored.callWebService.headers[k] !== undefined ? stored.callWebService.headers[k] : v]));
  }
  return { ...input, callWebService: { ...call, url, headers } };
}
