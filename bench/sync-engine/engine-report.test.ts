import { describe, expect, it } from 'vitest';
import { ENGINE_END, ENGINE_START, extractEngineSection, mergeEngineSection } from './engine-report';

const section = (body: string) => `${ENGINE_START}\n## engine\n${body}\n${ENGINE_END}`;

describe('the engine section of docs/performance.md', () => {
  const site = '# Performance\n\nsite figures\n';

  it('is appended to a file that has none, and found again', () => {
    const doc = mergeEngineSection(site, section('first'));
    expect(doc.startsWith(site.trimEnd())).toBe(true);
    expect(extractEngineSection(doc)).toBe(section('first'));
  });

  it('replaces the old section and keeps the rest of the file', () => {
    const doc = `${mergeEngineSection(site, section('first'))}\ntrailer\n`;
    const next = mergeEngineSection(doc, section('second $& $1'));
    expect(next).toContain('site figures');
    expect(next).toContain('trailer');
    expect(next).toContain('second $& $1');
    expect(next).not.toContain('first');
  });

  it('keeps the file as it is when there is no section to put in', () => {
    expect(extractEngineSection(site)).toBe('');
    expect(mergeEngineSection(site, '')).toBe(site);
  });
});
