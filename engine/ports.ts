/**
 * The engine's ports: everything it needs from its host comes in through these, so the same
 * engine runs in the lab, in tests, and against a real Creatio site (conventions.md, engine).
 * The engine never reads process.env, the file system or the real clock itself.
 */

/** Time and timers. Tests inject a manual clock; hosts use the real one. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. Timers must not keep a host alive (unref). */
  setTimer(fn: () => void, ms: number): () => void;
}

/** Randomness: ids and jitter. Seeded in tests and scenarios, so runs repeat. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A random (v4-shaped) lowercase GUID. */
  uuid(): string;
}

/** HTTP, as the WHATWG fetch of Node 20 and browsers. */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * Durable storage of the engine's state as an append-only log of records (the engine's own events).
 * `append` resolves once the records are durable; a crash afterwards loses nothing. `load` returns
 * every record appended so far, in order (a torn last record from a crash is dropped by the host).
 * `compact` atomically replaces the log with a shorter list of records that rebuilds the same state.
 */
export interface Store<R> {
  load(): Promise<R[]>;
  append(records: readonly R[]): Promise<void>;
  compact(records: readonly R[]): Promise<void>;
}

/** A message the engine sends to a customer on their channel (AI reply, agent reply, notice). */
export interface OutboundMessage {
  /** Engine-chosen id: a channel that sees the same id twice must show the message once. */
  id: string;
  conversationId: string;
  role: 'ai' | 'agent' | 'system';
  text: string;
}

/** Delivery to the customer's channel (web widget, email, SMS, WhatsApp): the fake chat in the lab. */
export interface Channel {
  deliver(message: OutboundMessage): Promise<{ delivered: true } | { delivered: false; reason: string }>;
}
