import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from './sse-parser';

function parse(chunks: string[]): SseMessage[] {
  const seen: SseMessage[] = [];
  const parser = createSseParser((m) => seen.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return seen;
}

describe('createSseParser', () => {
  it('reads id and data, skips comments and retry, and waits for the blank line', () => {
    expect(parse([': case-sync-lab events\nretry: 2000\n\nid: 4', '2\ndata: {"seq":42}\n', '\n: heartbeat\n\n'])).toEqual([{ id: '42', data: '{"seq":42}' }]);
  });

  it('joins data lines, accepts CRLF split across chunks, and keeps the last id', () => {
    expect(parse(['id: 1\r', '\ndata: a\r\ndata: b\r\n\r\n', 'data: c\n\n'])).toEqual([
      { id: '1', data: 'a\nb' },
      { id: '1', data: 'c' },
    ]);
  });

  it('emits nothing for a message cut off before its blank line', () => {
    expect(parse(['id: 7\ndata: {"seq":7}\n'])).toEqual([]);
  });
});
