/** Reads server-sent events from a fetch Response in tests: frames as `{id, data, comment}`. */
export interface SseFrame {
  id?: string;
  data?: string;
  comments: string[];
}

export function createSseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const frames: SseFrame[] = [];

  function parse(block: string): SseFrame {
    const frame: SseFrame = { comments: [] };
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) frame.comments.push(line.slice(1).trim());
      else if (line.startsWith('id: ')) frame.id = line.slice(4);
      else if (line.startsWith('data: ')) frame.data = (frame.data === undefined ? '' : `${frame.data}\n`) + line.slice(6);
    }
    return frame;
  }

  return {
    /** Resolves with the next frame that matches (reading as much of the stream as it takes). */
    async next(where: (frame: SseFrame) => boolean = () => true): Promise<SseFrame> {
      for (;;) {
        const index = frames.findIndex(where);
        if (index !== -1) return frames.splice(0, index + 1).at(-1)!;
        frames.length = 0;
        const { value, done } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          frames.push(parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 2);
        }
      }
    },
    /** The next frame that carries an event, parsed. */
    async nextEvent(): Promise<{ id: string; event: { seq: number; type: string; source: string } }> {
      const frame = await this.next((f) => f.data !== undefined);
      return { id: frame.id!, event: JSON.parse(frame.data!) as { seq: number; type: string; source: string } };
    },
    cancel: () => reader.cancel(),
  };
}
