// What this user sends: queued per room, one message in flight at a time (so they keep the order
// typed), resent with the same clientId after a lost connection, slowed down kindly by rate
// limits and storage hiccups, and marked "not sent" with the reason when the server refuses.
import type { ChatRoom } from './chat-room.svelte';
import { newClientId, nextToSend, RETRYABLE_ERRORS, waitWords, type OutgoingMessage } from './chat-log';
import type { ChatErrorFrame, ClientFrame, MessageView, ServerFrame } from './chat-types';

export interface OutboxDeps {
  send(frame: ClientFrame): boolean;
  /** Connected, greeted by the server and joined to the room. */
  canSend(room: ChatRoom): boolean;
  rejoin(room: ChatRoom): void;
  author(): { id: string; name: string };
  /** A message was stored (read marker, leaving a room nobody shows any more). */
  stored(room: ChatRoom): void;
}

const STORAGE_RETRY_MS = 3000;

export class ChatOutbox {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly deps: OutboxDeps) {}

  queue(room: ChatRoom, text: string): void {
    const item: OutgoingMessage = { clientId: newClientId(), roomId: room.id, text: text.trim(), queuedAt: new Date().toISOString(), status: 'waiting', error: null, notBefore: 0 };
    room.outbox = [...room.outbox, item];
    this.flush(room);
  }

  retry(room: ChatRoom, clientId: string): void {
    room.updateOutgoing(clientId, { status: 'waiting', error: null, notBefore: 0 });
    this.flush(room);
  }

  /** Puts the next queued message on the wire, or schedules the flush for when a wait ends. */
  flush(room: ChatRoom): void {
    if (!this.deps.canSend(room)) return;
    const now = Date.now();
    const next = nextToSend(room.outbox, now);
    if (next) {
      if (this.deps.send({ type: 'send', roomId: room.id, clientId: next.clientId, text: next.text })) room.updateOutgoing(next.clientId, { status: 'sending' });
      return;
    }
    const later = room.outbox.find((item) => item.status === 'waiting' && item.notBefore > now);
    if (!later) return;
    clearTimeout(this.timers.get(room.id));
    this.timers.set(room.id, setTimeout(() => {
      this.timers.delete(room.id);
      this.flush(room);
    }, later.notBefore - now));
  }

  acknowledged(room: ChatRoom, frame: Extract<ServerFrame, { type: 'ack' }>): void {
    const item = room.outbox.find((entry) => entry.clientId === frame.clientId);
    if (item) {
      // The ack carries everything the live `message` frame would; showing it now saves a wait.
      const author = this.deps.author();
      const stored: MessageView = { id: frame.id, roomId: frame.roomId, seq: frame.seq, senderId: author.id, senderName: author.name, text: item.text, createdAt: frame.createdAt, clientId: frame.clientId, removed: false };
      room.addMessages([stored]);
    }
    room.notice = null;
    this.flush(room);
    this.deps.stored(room);
  }

  refused(room: ChatRoom, clientId: string, frame: ChatErrorFrame): void {
    if (frame.code === 'muted' && frame.retryAfterMs) room.mutedUntil = new Date(Date.now() + frame.retryAfterMs).toISOString();
    if (!RETRYABLE_ERRORS.has(frame.code)) {
      room.updateOutgoing(clientId, { status: 'failed', error: frame.message });
      this.flush(room);
      return;
    }
    const wait = frame.retryAfterMs ?? (frame.code === 'not_joined' ? 0 : STORAGE_RETRY_MS);
    room.updateOutgoing(clientId, { status: 'waiting', notBefore: Date.now() + wait });
    if (frame.code === 'rate_limited') room.notice = `You are sending messages faster than the chat allows. Your message will go out in ${waitWords(wait)}.`;
    else if (frame.code !== 'not_joined') room.notice = `The chat could not store your message just now; trying again in ${waitWords(wait)}.`;
    if (frame.code === 'not_joined') this.deps.rejoin(room);
    else this.flush(room);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
