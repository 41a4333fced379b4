/**
 * The OData console: the request being written (method, path with query string, body), the answer
 * shown (status, time, Creatio's headers from the site's journal, body), and the recent requests
 * (kept in localStorage, like Postman's history). Two typed slices.
 */
import { create, type StateCreator } from 'zustand';
import type { ODataMethod } from '../../api/domains/odata.api';

export interface ODataRequest {
  method: ODataMethod;
  path: string;
  body: string;
}

export interface ODataResult {
  request: ODataRequest;
  status: number;
  timeMs: number;
  body: unknown;
  /** Creatio's response headers, from the site's journal entry of this request (null: not found). */
  headers: Record<string, string> | null;
  code?: string;
}

export interface ComposeSlice extends ODataRequest {
  sending: boolean;
  /** A request that could not be sent (a body that is not JSON, the lab unreachable). */
  error: string | undefined;
  setMethod: (method: ODataMethod) => void;
  setPath: (path: string) => void;
  setBody: (body: string) => void;
  load: (request: ODataRequest) => void;
  setSending: (sending: boolean, error?: string) => void;
}

export interface ResultSlice {
  result: ODataResult | null;
  history: ODataRequest[];
  setResult: (result: ODataResult) => void;
  setHeaders: (headers: Record<string, string> | null) => void;
  remember: (request: ODataRequest) => void;
  clearHistory: () => void;
}

export type ODataState = ComposeSlice & ResultSlice;

const HISTORY_KEY = 'case-sync-lab.odata-history';
const HISTORY_SIZE = 20;
const METHODS: readonly string[] = ['GET', 'POST', 'PATCH', 'DELETE'];

function storedHistory(): ODataRequest[] {
  try {
    const value: unknown = JSON.parse(typeof localStorage === 'undefined' ? '[]' : localStorage.getItem(HISTORY_KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter((r): r is ODataRequest => !!r && typeof r.path === 'string' && typeof r.body === 'string' && METHODS.includes(r.method)).slice(0, HISTORY_SIZE);
  } catch {
    return [];
  }
}

const same = (a: ODataRequest, b: ODataRequest) => a.method === b.method && a.path === b.path && a.body === b.body;

const createComposeSlice: StateCreator<ODataState, [], [], ComposeSlice> = (set) => ({
  method: 'GET',
  path: 'Case?$select=Number,Subject&$expand=Status($select=Name)&$orderby=Number desc&$top=10',
  body: '',
  sending: false,
  error: undefined,
  setMethod: (method) => set({ method }),
  setPath: (path) => set({ path }),
  setBody: (body) => set({ body }),
  load: (request) => set({ ...request, error: undefined }),
  setSending: (sending, error) => set({ sending, error }),
});

const createResultSlice: StateCreator<ODataState, [], [], ResultSlice> = (set) => ({
  result: null,
  history: storedHistory(),
  setResult: (result) => set({ result }),
  setHeaders: (headers) => set((s) => (s.result ? { result: { ...s.result, headers } } : {})),
  remember: (request) => set((s) => {
    const history = [request, ...s.history.filter((r) => !same(r, request))].slice(0, HISTORY_SIZE);
    localStorage.setItem(HISTORY_KEY, JSON.stringify(history));
    return { history };
  }),
  clearHistory: () => {
    localStorage.removeItem(HISTORY_KEY);
    set({ history: [] });
  },
});

export const useODataStore = create<ODataState>()((...a) => ({ ...createComposeSlice(...a), ...createResultSlice(...a) }));
