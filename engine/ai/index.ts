/** The simulated helpdesk AI (issue 3 "The simulated AI"): the public face of engine/ai. */
export { AiConfig, type AiConfigInput, KnowledgeEntry, DEFAULT_KNOWLEDGE_BASE, DEFAULT_PRODUCTS } from './ai-config';
export { createSimulatedAi } from './simulated-ai';
export type {
  AiFieldResult, AiTurn, HandoffPayload, HandoffTrigger, HandoffTurn, SimulatedAi, TranscriptEntry,
} from './types';
/** Field-description parsing, exported for the settings page's preview of a dropdown's values. */
export { parseFieldOptions, type FieldOption } from './field-options';
