/** Helpers for the fake chat's own tests: a temp folder, a fixed clock, counted ids. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ChatEvent, FakeChat, FakeChatOptions } from './fake-chat.types';
import { createFakeChat } from './fake-chat';

export const START = Date.UTC(2026, 0, 15, 9, 0, 0);
export const HOUR = 3_600_000;

const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh temp folder, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-chat-test-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Ids "e1", "e2", ... so tests can name entries. */
export function countingIds(prefix = 'e'): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** A chat in `dir` (a new temp folder by default) on a clock fixed at START, closed after the test. */
export async function openChat(options: Partial<FakeChatOptions> = {}): Promise<{ chat: FakeChat; dir: string; events: ChatEvent[] }> {
  const dir = options.dir ?? await tempDir();
  const chat = await createFakeChat({ now: () => START, newId: countingIds(), durability: 'none', ...options, dir });
  cleanups.push(() => chat.close());
  const events: ChatEvent[] = [];
  chat.onEvent((event) => events.push(event));
  return { chat, dir, events };
}
