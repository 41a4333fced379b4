import type { TranscriptEntry } from './types';

/** Builds transcripts for the AI's tests: customer and AI turns one minute apart. */
export const NOW = '2026-11-24T19:00:00.000Z';

export function transcript(...turns: Array<[TranscriptEntry['role'], string]>): TranscriptEntry[] {
  return turns.map(([role, text], index) => ({ role, text, at: new Date(Date.UTC(2026, 10, 24, 18, index)).toISOString() }));
}

/** A one-message conversation from the customer. */
export function says(text: string): TranscriptEntry[] {
  return transcript(['customer', text]);
}
