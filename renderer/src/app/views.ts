/** The window's views, in the navigation's order, with the key that follows `g` to open each. */
export type ViewId = 'chat' | 'desk' | 'processes' | 'webhooks' | 'sync' | 'timeline' | 'faults' | 'odata' | 'scenarios';

export interface ViewInfo {
  id: ViewId;
  label: string;
  /** `g` then this key opens the view. */
  key: string;
  /** One line: what the view is for (the navigation's tooltip). */
  purpose: string;
}

export const VIEWS: readonly ViewInfo[] = [
  { id: 'chat', label: 'Customer chat', key: 'c', purpose: 'Simulated customers write on their channels and see the AI, the agents and system notices.' },
  { id: 'desk', label: 'Creatio desk', key: 'd', purpose: 'What an agent sees in Creatio: cases, activities, replies and status changes.' },
  { id: 'processes', label: 'Processes', key: 'p', purpose: 'The business processes: signal and "Call web service" editor, live request preview, test-fire, run log.' },
  { id: 'webhooks', label: 'Webhooks', key: 'w', purpose: "The engine's webhook log with replay, edit-and-replay and copy as curl." },
  { id: 'sync', label: 'Sync', key: 's', purpose: 'The integration settings with Test & Save, the webhook URL and token rotation, the outbox.' },
  { id: 'timeline', label: 'Timeline', key: 't', purpose: 'One conversation as a sequence diagram: customer, engine, Creatio, process, webhook.' },
  { id: 'faults', label: 'Faults', key: 'f', purpose: 'Take the site down, add latency or errors, expire sessions, and watch the lab recover.' },
  { id: 'odata', label: 'OData console', key: 'o', purpose: 'Type an OData query against the site and see the JSON.' },
  { id: 'scenarios', label: 'Scenarios', key: 'n', purpose: 'Open a scenario file and run it; a presenter mode steps through it with narration.' },
];

export function viewInfo(id: ViewId): ViewInfo {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}
