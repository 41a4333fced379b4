import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../contract';
import { emptyStale, markStale } from './event-routes';

let seq = 0;
const event = (e: Partial<LabEvent> & Pick<LabEvent, 'source' | 'type'>): LabEvent => ({ seq: ++seq, at: '2026-11-24T09:00:00.000Z', data: {}, ...e });

describe('markStale', () => {
  it('marks the conversation of engine and chat events, the desk for Case and Activity commits, everything on reset', () => {
    const stale = [
      event({ source: 'engine', type: 'ai.replied', conversationId: 'c1' }),
      event({ source: 'chat', type: 'chat.message-shown', conversationId: 'c2' }),
      event({ source: 'creatio', type: 'record.inserted', caseId: 'ABC', conversationId: 'c3', data: { entity: 'Activity' } }),
      event({ source: 'creatio', type: 'record.updated', data: { entity: 'CaseStatus' } }),
    ].reduce(markStale, emptyStale());
    expect([...stale.conversations]).toEqual(['c1', 'c2']);
    expect(stale.cases).toBe(true);
    expect([...stale.caseIds]).toEqual(['abc']);
    expect(stale.all).toBe(false);
    expect(markStale(emptyStale(), event({ source: 'lab', type: 'lab.reset' })).all).toBe(true);
  });

  it('leaves the desk alone for records it does not show', () => {
    expect(markStale(emptyStale(), event({ source: 'creatio', type: 'record.inserted', data: { entity: 'CaseStatus' } })).cases).toBe(false);
  });
});
