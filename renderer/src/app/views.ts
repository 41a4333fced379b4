/** The window's views, in the navigation's order, with the key that follows `g` to open each. */
export type ViewId = 'chat' | 'desk' | 'processes' | 'webhooks' | 'sync' | 'timeline' | 'faults' | 'odata' | 'scenarios';

export interface ViewInfo {
  id: ViewId;
  label: string;
  /** `g` then this key opens the view. */
  key: string;
  /** False: the view shows a "coming" panel that says what it will do. */
  built: boolean;
  /** One line: what the view is for (the "coming" panel shows it). */
  purpose: string;
}

export const VIEWS: readonly ViewInfo[] = [
  { id: 'chat', label: 'Customer chat', key: 'c', built: true, purpose: 'Simulated customers write on their channels and see the AI, the agents and system notices.' },
  { id: 'desk', label: 'Creatio desk', key: 'd', built: true, purpose: 'What an agent sees in Creatio: cases, activities, replies and status changes.' },
  { id: 'processes', label: 'Processes', key: 'p', built: false, purpose: 'The business processes: signal and "Call web service" editor, live request preview, test-fire, run log.' },
  { id: 'webhooks', label: 'Webhooks', key: 'w', built: false, purpose: "The engine's webhook log with replay, edit-and-replay and copy as curl." },
  { id: 'sync', label: 'Sync', key: 's', built: false, purpose: 'The integration settings with Test & Save, the webhook URL and token rotation, the outbox.' },
  { id: 'timeline', label: 'Timeline', key: 't', built: false, purpose: 'One conversation as a sequence diagram: customer, engine, Creatio, process, webhook.' },
  { id: 'faults', label: 'Faults', key: 'f', built: false, purpose: 'Take the site down, add latency or errors, expire sessions, and watch the lab recover.' },
  { id: 'odata', label: 'OData console', key: 'o', built: false, purpose: 'Type an OData query against the site and see the JSON.' },
  { id: 'scenarios', label: 'Scenarios', key: 'n', built: false, purpose: 'Open a scenario file and run it; a presenter mode steps through it with narration.' },
];

export function viewInfo(id: ViewId): ViewInfo {
  return VIEWS.find((v) => v.id === id) ?? VIEWS[0]!;
}
