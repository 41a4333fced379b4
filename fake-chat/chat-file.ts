/**
 * The chat's state on disk: `<dir>/chat.json`, pretty-printed with a fixed key order so a workspace
 * diffs well. Each save writes a temp file beside it (synced with 'fsync') and renames it over the
 * old one, then syncs the folder: a crash leaves the old file or the new one, never a mix.
 *
 * Saves are serialised and coalesced (group commit): a save asked for while one is under way joins
 * the single next save, which writes the state as it is when it starts. A burst of deliveries to
 * many conversations therefore costs one or two writes, not one per message.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatConversation, ChatEntry } from './fake-chat.types';
import { FakeChatError } from './chat-error';
import { ChatFile, describeIssues } from './chat-schema';

export const CHAT_FILE_NAME = 'chat.json';

/** Reads `<dir>/chat.json`: undefined when absent; CORRUPT_CHAT_FILE naming the file when bad. */
export async function readChatFile(dir: string): Promise<ChatFile | undefined> {
  const file = join(dir, CHAT_FILE_NAME);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FakeChatError('CORRUPT_CHAT_FILE', `${file}: not valid JSON (${reason}); fix or remove the file`, { cause: error });
  }
  const parsed = ChatFile.safeParse(json);
  if (!parsed.success) {
    throw new FakeChatError('CORRUPT_CHAT_FILE', `${file}: not a fake chat state file (${describeIssues(parsed.error)}); fix or remove the file`);
  }
  return parsed.data;
}

/** Copies `source` with its keys in `order` (absent ones left out): a stable key order on disk. */
function ordered<T extends object>(source: T, order: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const key of order) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}

const ENTRY_KEYS = ['id', 'messageId', 'role', 'state', 'at', 'subject', 'text', 'segments', 'refusal'] as const;
const CONVERSATION_KEYS = ['id', 'channel', 'customer', 'lastCustomerMessageAt', 'entries'] as const;

/** The file's text: two-space indentation, fixed key order, final newline. */
export function chatFileText(state: ChatFile): string {
  const conversations = state.conversations.map((c: ChatConversation) => ordered({
    ...c,
    customer: ordered(c.customer, ['name', 'email', 'phone']),
    entries: c.entries.map((e: ChatEntry) => ordered(e, ENTRY_KEYS)),
  }, CONVERSATION_KEYS));
  return `${JSON.stringify({ version: state.version, clockOffsetMs: state.clockOffsetMs, conversations }, null, 2)}\n`;
}

let tempCounter = 0;

/** Writes `<dir>/chat.json` atomically (temp + rename; file and folder synced with 'fsync'). */
export async function writeChatFile(dir: string, text: string, durability: 'fsync' | 'none'): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, CHAT_FILE_NAME);
  const temp = join(dir, `.${CHAT_FILE_NAME}.${process.pid}.${tempCounter++}.tmp`);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(text, 'utf8');
    if (durability === 'fsync') await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file);
  if (durability === 'fsync') await syncFolder(dir);
}

/** Makes the rename durable on Linux; Windows cannot open a folder and journals renames anyway. */
async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    await handle?.close();
  }
}

export interface CoalescingSaver {
  /** Resolves once a save that started after this call has finished (rejects if that save failed). */
  save(): Promise<void>;
}

/** Serialises calls to `write` and lets every request made while one runs share the next one. */
export function createCoalescingSaver(write: () => Promise<void>): CoalescingSaver {
  let running: Promise<void> = Promise.resolve();
  let next: Promise<void> | undefined;
  return {
    save() {
      if (next) return next;
      const mine = running.then(noop, noop).then(() => {
        // From here on, new requests wait for the save after this one: this one may already
        // have read the state they changed.
        next = undefined;
        return write();
      });
      next = mine;
      running = mine;
      return mine;
    },
  };
}

function noop(): void {}
