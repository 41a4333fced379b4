import { describe, expect, it } from 'vitest';
import { mergeEngineSection, ENGINE_END, ENGINE_START } from './engine-report';
import { extractRepliesSection, mergeRepliesSection, REPLIES_END, REPLIES_START } from './reply-report';

const replies = (body: string) => `${REPLIES_START}\n## replies\n${body}\n${REPLIES_END}`;
const engine = `${ENGINE_START}\nengine figures\n${ENGINE_END}`;

describe('the replies section of docs/performance.md', () => {
  const site = '# Performance\n\nsite figures\n';

  it('is appended after the engine section, and replacing one section keeps the other', () => {
    const doc = mergeRepliesSection(mergeEngineSection(site, engine), replies('first'));
    expect(doc.indexOf(ENGINE_START)).toBeLessThan(doc.indexOf(REPLIES_START));
    expect(extractRepliesSection(doc)).toBe(replies('first'));
    const next = mergeEngineSection(mergeRepliesSection(doc, replies('second $&')), `${ENGINE_START}\nnew engine\n${ENGINE_END}`);
    expect(next).toContain('second $&');
    expect(next).toContain('new engine');
    expect(next).not.toContain('first');
    expect(next).toContain('site figures');
  });

  it('keeps the file as it is when there is no section to put in', () => {
    expect(extractRepliesSection(site)).toBe('');
    expect(mergeRepliesSection(site, '')).toBe(site);
  });
});
