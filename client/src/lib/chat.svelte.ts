// The tab's chat: one store over the shared socket (lib/socket.ts). Panels `open` a room; the
// store joins it once the server said hello, loads the newest page, resyncs with `join.after` on
// every reconnect (no gaps, no duplicates: the room merges by sequence), and resends what was not
// acknowledged with the same clientId. Frames for rooms nobody shows are ignored.
import { SvelteMap } from 'svelte/reactivity';
import { api } from './api';
import { ChatRoom } from './chat-room.svelte';
import { checkDraft, newClientId, nextToSend, RETRYABLE_ERRORS, waitWords, type OutgoingMessage } from './chat-log';
import type { ChatErrorFrame, ClientFrame, MessageView, RoomView, ServerFrame } from './chat-types';
import { receiveLiveNotification } from './notifications.svelte';
import { session } from './session.svelte';
import { liveSocket, type LiveSocket, type SocketStatus } from './socket';

const PING_MS = 25_000;
const TYPING_EVERY_MS = 2000;
const READ_EVERY_MS = 1000;
const PAGE = 50;

export class ChatStore {
  status = $state<SocketStatus>('idle');
  /** `hello` arrived on the current connection: joins and sends may go out. */
  ready = $state(false);
  me = $state<string | null>(null);
  maxTextLength = $state(2000);
  readonly rooms = new SvelteMap<string, ChatRoom>();
  private requests = new Map<string, { roomId: string; kind: 'newest' | 'older' }>();
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private lastTyping = new Map<string, number>();
  private ping: ReturnType<typeof setInterval> | null = null;
  private typingSweep: ReturnType<typeof setInterval> | null = null;
  private requestCounter = 0;
  private owner: string | null = null;
  private unsentReads = new Set<string>();

  constructor(private readonly socket: LiveSocket) {
    socket.status.subscribe((status) => this.onStatus(status));
    socket.onMessage((frame) => this.receive(frame as ServerFrame));
    if (typeof window !== 'undefined') window.addEventListener('pagehide', () => this.sendAllReads());
  }

  /** Not connected although a page wants to be: show the offline banner. */
  get offline(): boolean {
    return this.status === 'offline' || this.status === 'reconnecting' || (this.status === 'open' && !this.ready);
  }

  get signedOut(): boolean {
    return this.status === 'signed-out';
  }

  get totalUnread(): number {
    let total = 0;
    for (const room of this.rooms.values()) total += room.unread;
    return total;
  }

  /**
   * Another person signed in on this tab: nothing of the previous user's rooms may stay in memory.
   * Called with the session's user id whenever it changes.
   */
  forUser(userId: string | null): void {
    if (userId === this.owner) return;
    this.owner = userId;
    for (const room of this.rooms.values()) for (const release of room.lingering.splice(0)) release();
    this.rooms.clear();
    this.requests.clear();
    this.unsentReads.clear();
    this.lastTyping.clear();
  }

  room(roomId: string): ChatRoom {
    let room = this.rooms.get(roomId);
    if (!room) {
      room = new ChatRoom(roomId);
      this.rooms.set(roomId, room);
    }
    return room;
  }

  /**
   * Shows (`view`: messages, history) or follows (`follow`: unread counts only) a room while the
   * caller lives; returns the release function.
   */
  open(roomId: string, mode: 'view' | 'follow' = 'view'): () => void {
    const room = this.room(roomId);
    if (mode === 'view') room.viewers += 1;
    else room.followers += 1;
    const releaseSocket = this.socket.acquire();
    if (this.ready && !room.joined) this.join(room);
    else if (this.ready && mode === 'view' && !room.historyLoaded) this.requestHistory(room, 'newest');
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (mode === 'view') room.viewers -= 1;
      else room.followers -= 1;
      this.sendRead(room);
      // Queued messages keep the room joined (and the socket open) until they are stored.
      room.lingering.push(releaseSocket);
      this.leaveIfUnused(room);
    };
  }

  /** Fills the rooms list (Messages page, nav badge) from REST. */
  async refreshRooms(): Promise<ChatRoom[]> {
    const { items } = await api.chat.rooms();
    return items.map((view) => {
      const room = this.room(view.id);
      room.applyView(view);
      return room;
    });
  }

  send(roomId: string, text: string): boolean {
    const room = this.room(roomId);
    if (!checkDraft(text, this.maxTextLength).ok) return false;
    const item: OutgoingMessage = { clientId: newClientId(), roomId, text: text.trim(), queuedAt: new Date().toISOString(), status: 'waiting', error: null, notBefore: 0 };
    room.outbox = [...room.outbox, item];
    this.flush(room);
    return true;
  }

  retry(roomId: string, clientId: string): void {
    const room = this.room(roomId);
    room.updateOutgoing(clientId, { status: 'waiting', error: null, notBefore: 0 });
    this.flush(room);
  }

  discard(roomId: string, clientId: string): void {
    const room = this.room(roomId);
    room.dropOutgoing(clientId);
    this.leaveIfUnused(room);
  }

  private leaveIfUnused(room: ChatRoom): void {
    if (room.viewers + room.followers > 0 || room.outbox.some((item) => item.status !== 'failed')) return;
    if (room.joined) this.socket.send({ type: 'leave', roomId: room.id } satisfies ClientFrame);
    room.joined = false;
    for (const release of room.lingering.splice(0)) release();
  }

  loadOlder(roomId: string): void {
    const room = this.room(roomId);
    if (room.loadingOlder || !room.hasOlder) return;
    this.requestHistory(room, 'older');
  }

  typing(roomId: string): void {
    const room = this.room(roomId);
    const last = this.lastTyping.get(roomId) ?? 0;
    if (!room.joined || Date.now() - last < TYPING_EVERY_MS) return;
    this.lastTyping.set(roomId, Date.now());
    this.socket.send({ type: 'typing', roomId } satisfies ClientFrame);
  }

  /**
   * Everything up to the newest message has been seen. The first marker goes out at once, later
   * ones at most once a second; a marker still waiting goes out when the room is closed or the
   * page is left, so the next page does not count read messages as unread.
   */
  markRead(roomId: string): void {
    const room = this.room(roomId);
    const seq = Math.max(room.lastSeq, room.view?.lastSeq ?? 0);
    if (seq <= room.lastReadSeq) return;
    room.lastReadSeq = seq;
    this.unsentReads.add(roomId);
    const key = `read:${roomId}`;
    if (this.timers.has(key)) return;
    this.sendRead(room);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.sendRead(room);
    }, READ_EVERY_MS));
  }

  /** Sends the room's read marker if one is waiting (socket when joined, REST otherwise). */
  private sendRead(room: ChatRoom): void {
    if (!this.unsentReads.delete(room.id)) return;
    const seq = room.lastReadSeq;
    if (room.joined && this.socket.send({ type: 'read', roomId: room.id, seq } satisfies ClientFrame)) return;
    void api.chat.markRead(room.id, seq).catch(() => undefined);
  }

  private sendAllReads(): void {
    for (const roomId of [...this.unsentReads]) {
      const room = this.rooms.get(roomId);
      if (room) this.sendRead(room);
      else this.unsentReads.delete(roomId);
    }
  }

  private onStatus(status: SocketStatus): void {
    this.status = status;
    if (status === 'open') return;
    if (this.ready) {
      this.ready = false;
      for (const room of this.rooms.values()) room.disconnected();
    }
    if (this.ping) clearInterval(this.ping);
    this.ping = null;
  }

  private join(room: ChatRoom): void {
    // After a first page (or any message) the server sends exactly what came later; before, nothing.
    const after = room.historyLoaded || room.lastSeq > 0 ? room.lastSeq : undefined;
    this.socket.send({ type: 'join', roomId: room.id, ...(after === undefined ? {} : { after }) } satisfies ClientFrame);
  }

  private requestHistory(room: ChatRoom, kind: 'newest' | 'older'): void {
    const requestId = `h${++this.requestCounter}`;
    const before = kind === 'older' ? room.messages[0]?.seq : undefined;
    if (kind === 'older' && before === undefined) return;
    this.requests.set(requestId, { roomId: room.id, kind });
    if (kind === 'older') room.loadingOlder = true;
    const sent = this.socket.send({ type: 'history', roomId: room.id, requestId, limit: PAGE, ...(before === undefined ? {} : { before }) } satisfies ClientFrame);
    if (!sent) {
      this.requests.delete(requestId);
      room.loadingOlder = false;
    }
  }

  private flush(room: ChatRoom): void {
    if (!this.ready || !room.joined) return;
    const now = Date.now();
    const next = nextToSend(room.outbox, now);
    if (next) {
      if (this.socket.send({ type: 'send', roomId: room.id, clientId: next.clientId, text: next.text } satisfies ClientFrame)) {
        room.updateOutgoing(next.clientId, { status: 'sending' });
      }
      return;
    }
    const later = room.outbox.find((item) => item.status === 'waiting' && item.notBefore > now);
    if (later) this.later(`flush:${room.id}`, later.notBefore - now, () => this.flush(room));
  }

  private later(key: string, ms: number, run: () => void): void {
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      run();
    }, ms));
  }

  private receive(frame: ServerFrame): void {
    if (!frame || typeof frame !== 'object') return;
    switch (frame.type) {
      case 'hello':
        this.ready = true;
        this.me = frame.userId;
        this.maxTextLength = frame.limits.maxTextLength;
        this.ping ??= setInterval(() => this.socket.send({ type: 'ping' } satisfies ClientFrame), PING_MS);
        for (const room of this.rooms.values()) if (room.viewers + room.followers > 0 || room.lingering.length > 0) this.join(room);
        return;
      case 'joined': {
        const room = this.rooms.get(frame.room.id);
        if (!room) return;
        room.applyView(frame.room);
        room.joined = true;
        room.problem = null;
        room.setOnline(frame.online);
        room.removeSeqs(frame.removedSeqs);
        if (room.viewers > 0 && !room.historyLoaded) this.requestHistory(room, 'newest');
        this.flush(room);
        return;
      }
      case 'message':
        return this.rooms.get(frame.message.roomId)?.addMessages([frame.message]);
      case 'ack':
        return this.acknowledged(frame);
      case 'history':
        return this.historyArrived(frame.requestId, frame.messages, frame.hasMore);
      case 'message_removed':
        return this.rooms.get(frame.roomId)?.removeSeqs([frame.seq]);
      case 'presence':
        return this.rooms.get(frame.roomId)?.presence(frame.online, frame.offline);
      case 'typing':
        if (frame.userId !== this.me) this.rooms.get(frame.roomId)?.someoneTyping(frame.userId, frame.name);
        this.sweepTyping();
        return;
      case 'room_updated':
        return this.roomUpdated(frame as unknown as { room?: RoomView; roomId?: string; locked?: boolean; title?: string });
      case 'muted': {
        const room = this.rooms.get(frame.roomId);
        if (room) room.mutedUntil = frame.until;
        return;
      }
      case 'left': {
        const room = this.rooms.get(frame.roomId);
        if (!room) return;
        room.joined = false;
        if (frame.reason === 'membership_revoked') room.problem = 'You no longer have access to this room.';
        return;
      }
      case 'unread': {
        const room = this.rooms.get(frame.roomId);
        if (!room) return;
        room.lastReadSeq = Math.max(room.lastReadSeq, frame.lastReadSeq);
        if (room.view && frame.lastSeq > room.view.lastSeq) room.view = { ...room.view, lastSeq: frame.lastSeq };
        return;
      }
      case 'notification':
        return receiveLiveNotification(frame.notification);
      case 'error':
        return this.failed(frame);
    }
  }

  private acknowledged(frame: Extract<ServerFrame, { type: 'ack' }>): void {
    const room = this.rooms.get(frame.roomId);
    const item = room?.outbox.find((entry) => entry.clientId === frame.clientId);
    if (!room) return;
    if (item) {
      const stored: MessageView = {
        id: frame.id,
        roomId: frame.roomId,
        seq: frame.seq,
        senderId: this.me ?? '',
        senderName: session.user?.name ?? 'You',
        text: item.text,
        createdAt: frame.createdAt,
        clientId: frame.clientId,
        removed: false,
      };
      room.addMessages([stored]);
    }
    room.notice = null;
    if (room.viewers > 0) this.markRead(room.id);
    this.flush(room);
    this.leaveIfUnused(room);
  }

  private historyArrived(requestId: string, messages: MessageView[], hasMore: boolean): void {
    const request = this.requests.get(requestId);
    if (!request) return;
    this.requests.delete(requestId);
    const room = this.room(request.roomId);
    room.addMessages(messages);
    room.hasOlder = hasMore;
    if (request.kind === 'newest') room.historyLoaded = true;
    else room.loadingOlder = false;
  }

  private roomUpdated(frame: { room?: RoomView; roomId?: string; locked?: boolean; title?: string }): void {
    const roomId = frame.room?.id ?? frame.roomId;
    const room = roomId ? this.rooms.get(roomId) : undefined;
    if (!room?.view) return;
    // The frame goes to everybody in the room: take the room's facts, keep this user's own counters.
    room.view = { ...room.view, locked: frame.room?.locked ?? frame.locked ?? room.view.locked, title: frame.room?.title ?? frame.title ?? room.view.title };
  }

  private failed(frame: ChatErrorFrame): void {
    const ref = frame.ref;
    const room = ref?.roomId ? this.rooms.get(ref.roomId) : undefined;
    if (!room || !ref) return;
    if (ref.type === 'join') {
      room.joined = false;
      room.problem = frame.message;
    } else if (ref.type === 'history') {
      if (ref.requestId) this.requests.delete(ref.requestId);
      room.loadingOlder = false;
      room.notice = `Older messages could not be loaded: ${frame.message}`;
    } else if (ref.type === 'send' && ref.clientId) {
      this.sendFailed(room, ref.clientId, frame);
    }
  }

  private sendFailed(room: ChatRoom, clientId: string, frame: ChatErrorFrame): void {
    if (frame.code === 'muted' && frame.retryAfterMs) room.mutedUntil = new Date(Date.now() + frame.retryAfterMs).toISOString();
    if (!RETRYABLE_ERRORS.has(frame.code)) {
      room.updateOutgoing(clientId, { status: 'failed', error: frame.message });
      this.flush(room);
      return;
    }
    const wait = frame.retryAfterMs ?? (frame.code === 'not_joined' ? 0 : 3000);
    room.updateOutgoing(clientId, { status: 'waiting', notBefore: Date.now() + wait });
    if (frame.code === 'rate_limited') room.notice = `You are sending messages faster than the chat allows. Your message will go out in ${waitWords(wait)}.`;
    else if (frame.code !== 'not_joined') room.notice = `The chat could not store your message just now; trying again in ${waitWords(wait)}.`;
    if (frame.code === 'not_joined') this.join(room);
    else this.flush(room);
  }

  private sweepTyping(): void {
    if (this.typingSweep) return;
    this.typingSweep = setInterval(() => {
      let any = false;
      for (const room of this.rooms.values()) any = room.expireTyping() || any;
      if (!any && this.typingSweep) {
        clearInterval(this.typingSweep);
        this.typingSweep = null;
      }
    }, 1000);
  }
}

export const chat = new ChatStore(liveSocket);
