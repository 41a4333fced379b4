/**
 * A server-sent events parser for a fetch() stream reader (the Lab API accepts its token only in the
 * Authorization header, which EventSource cannot send). Follows the HTML spec's line rules: `\n`,
 * `\r\n` or `\r` end a line, a blank line ends a message, `:` starts a comment, `data:` lines join
 * with `\n`, `id:` is remembered for Last-Event-ID.
 */
export interface SseMessage {
  id: string | undefined;
  data: string;
}

export interface SseParser {
  /** Feeds the next decoded chunk; complete messages go to the callback in order. */
  push(chunk: string): void;
}

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let data: string[] = [];
  let id: string | undefined;

  function line(text: string): void {
    if (text === '') {
      if (data.length > 0) onMessage({ id, data: data.join('\n') });
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) id = value;
  }

  return {
    push(chunk) {
      buffer += chunk;
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        // A lone \r at the end may be the first half of \r\n: wait for the next chunk.
        if (!match || (match[0] === '\r' && match.index === buffer.length - 1)) return;
        line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
      }
    },
  };
}
