// The pure part of the chat store: a room's messages kept in sequence order without duplicates,
// the outgoing queue with its resend rules, and the composer's limits. No Svelte, no socket, so
// it is unit-tested on its own (test/unit/client-chat).
import type { MessageView } from './chat-types';

/**
 * `messages` plus `incoming`, ascending by `seq`, one entry per `seq`. A copy that arrives later
 * (live frame after history, resync after reconnect) replaces the cached one, except that a
 * removed message stays removed: a stale copy must never bring moderated text back.
 */
export function mergeMessages(messages: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  if (incoming.length === 0) return messages as MessageView[];
  const bySeq = new Map<number, MessageView>();
  for (const message of messages) bySeq.set(message.seq, message);
  for (const message of incoming) {
    const cached = bySeq.get(message.seq);
    bySeq.set(message.seq, cached?.removed && !message.removed ? cached : message);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Blanks the messages a moderator removed (the `joined` frame lists them; `message_removed` one). */
export function markRemoved(messages: readonly MessageView[], seqs: Iterable<number>): MessageView[] {
  const removed = new Set(seqs);
  if (removed.size === 0) return messages as MessageView[];
  let changed = false;
  const next = messages.map((message) => {
    if (!removed.has(message.seq) || message.removed) return message;
    changed = true;
    return { ...message, text: '', removed: true };
  });
  return changed ? next : (messages as MessageView[]);
}

/** The highest sequence seen: what a reconnecting client sends as `join.after`. */
export function highestSeq(messages: readonly MessageView[], known = 0): number {
  const last = messages.at(-1);
  return Math.max(known, last ? last.seq : 0);
}

/** The smallest sequence loaded: older pages are asked for with `history.before`. */
export function lowestSeq(messages: readonly MessageView[]): number | null {
  return messages[0]?.seq ?? null;
}

// ---- outgoing messages ----

export type OutgoingStatus = 'waiting' | 'sending' | 'failed';

export interface OutgoingMessage {
  clientId: string;
  roomId: string;
  text: string;
  queuedAt: string;
  status: OutgoingStatus;
  /** Why the server refused it (failed) or why it waits (rate limit). */
  error: string | null;
  /** Not before this time (ms since epoch): set by `rate_limited` / `unavailable`. */
  notBefore: number;
}

/** A fresh client id: 22 url-safe characters, from the browser's (or Node's) crypto. */
export function newClientId(random: (bytes: Uint8Array) => Uint8Array = (bytes) => crypto.getRandomValues(bytes)): string {
  const bytes = random(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return `c${id}`;
}
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * The next message to put on the wire, or null. One message per room is in flight at a time, so a
 * person's messages keep the order they were typed in even when some are retried.
 */
export function nextToSend(outbox: readonly OutgoingMessage[], now: number): OutgoingMessage | null {
  if (outbox.some((item) => item.status === 'sending')) return null;
  for (const item of outbox) {
    if (item.status === 'failed') continue;
    return item.notBefore <= now ? item : null;
  }
  return null;
}

/** After a lost connection nothing is in flight any more: everything sent but unacknowledged is resent (same clientId). */
export function requeueInFlight(outbox: readonly OutgoingMessage[]): OutgoingMessage[] {
  return outbox.map((item) => (item.status === 'sending' ? { ...item, status: 'waiting' as const } : item));
}

/** Errors after which sending the same message again later can succeed. */
export const RETRYABLE_ERRORS = new Set(['rate_limited', 'unavailable', 'not_joined', 'internal']);

// ---- composer ----

export interface DraftCheck {
  /** Characters after trimming, counted as the server counts them (UTF-16 code units). */
  length: number;
  remaining: number;
  ok: boolean;
  problem: string | null;
}

export function checkDraft(text: string, maxLength: number): DraftCheck {
  const length = text.trim().length;
  const remaining = maxLength - length;
  if (length === 0) return { length, remaining, ok: false, problem: null };
  if (remaining < 0) {
    const over = -remaining;
    return { length, remaining, ok: false, problem: `${over} character${over === 1 ? '' : 's'} too long — messages can have up to ${maxLength}.` };
  }
  return { length, remaining, ok: true, problem: null };
}

/** "Wait 3 seconds" for a rate limit, in words a person reads at a glance. */
export function waitWords(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** "Ana is typing…", "Ana and Ben are typing…", "3 people are typing…". */
export function typingSentence(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;
  return `${names.length} people are typing…`;
}
